// The validate goal reports the same diagnostics as generate, fails the build, and writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
def file = 'src/main/arazzo/broken.arazzo.yaml'.replace('/', File.separator)

assert log.contains("${file}:19:22: error: [unknown-operation]".toString())
assert log.contains("${file}:34:24: error: [unknown-step]".toString())
assert log.contains("${file}:38:21: error: [unknown-goto-target]".toString())
assert log.contains('Arazzo compilation failed with 3 errors:')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/generated-sources').exists()
return true
