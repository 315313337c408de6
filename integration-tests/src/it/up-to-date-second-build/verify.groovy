// Two runs over unchanged inputs: the first generates, the second finds its stamp and touches nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert new File(basedir, 'target/generated-sources/arazzo/com/example/items/FetchItemWorkflow.java').isFile()
assert log.contains('Generated 1 workflow class in ') : 'the first build did not generate'
assert log.contains('Arazzo sources are up to date; nothing to generate') : 'the second build was not up to date'
return true
