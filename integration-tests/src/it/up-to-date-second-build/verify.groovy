// Two runs over unchanged inputs: the first generates, the second finds its stamp and touches nothing.
import java.time.Instant

def log = new File(basedir, 'build.log').getText('UTF-8')
def generated = new File(basedir, 'target/generated-sources/arazzo/com/example/items/FetchItemWorkflow.java')
assert generated.isFile()
assert log.contains('Generated 1 workflow class in ') : 'the first build did not generate'
assert log.contains('Arazzo sources are up to date; nothing to generate') : 'the second build was not up to date'

// Maven prints "Finished at" once per build; the file must not be newer than the end of the first build
// (the second build starts a JVM after it, so a rewrite would show a later time).
def finished = (log =~ /Finished at: (\S+)/).collect { it[1] }
assert finished.size() == 2 : "expected two builds in the log, found ${finished.size()}"
long firstBuildEnd = Instant.parse(finished[0].replaceAll(/([+-]\d\d)(\d\d)$/, '$1:$2')).toEpochMilli()
assert generated.lastModified() <= firstBuildEnd + 999 :
    "the second build touched ${generated.name}: modified ${Instant.ofEpochMilli(generated.lastModified())}, first build ended ${finished[0]}"
return true
