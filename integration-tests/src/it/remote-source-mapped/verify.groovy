// The remote source description was read from the mapped local file: the class exists, compiled, and
// the generated code still names the source's server from that file.
def log = new File(basedir, 'build.log').getText('UTF-8')
def source = new File(basedir, 'target/generated-sources/arazzo/com/example/items/FetchItemWorkflow.java')
assert source.isFile() : "missing ${source}"
assert new File(basedir, 'target/classes/com/example/items/FetchItemWorkflow.class').isFile()
assert !log.contains('[invalid-source-description]')
assert log.contains('BUILD SUCCESS')
return true
