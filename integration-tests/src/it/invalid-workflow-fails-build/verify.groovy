// The build fails, and every mistake is reported in javac's form at its own line and column
// (1-based; the column of the first character of the offending value).
def log = new File(basedir, 'build.log').getText('UTF-8')
def file = 'src/main/arazzo/broken.arazzo.yaml'.replace('/', File.separator)

def expected = [
    "${file}:19:22: error: [unknown-operation] step 'misspelled' refers to operationId 'getItme'",
    "${file}:34:24: error: [unknown-step] '\$steps.nope.outputs.x' refers to step 'nope'",
    "${file}:38:21: error: [unknown-goto-target] goto action 'jump' targets step 'missingStep'",
]
expected.each { line ->
    assert log.contains(line.toString()) : "build.log lacks: ${line}"
}
// Every error is listed in the failure message too, not just the first.
assert log.contains('Arazzo compilation failed with 3 errors:')
// A caret under the column, below the quoted source line.
assert log.contains('        operationId: getItme' + System.lineSeparator() + ' ' * 21 + '^')
assert log.contains('BUILD FAILURE')
// Nothing was generated, and no stamp makes the next build think it is up to date.
assert !new File(basedir, 'target/weft/generate-default.stamp').exists()
assert !new File(basedir, 'target/weft').exists() || new File(basedir, 'target/weft').list().length == 0
assert !new File(basedir, 'target/generated-sources/arazzo/com').exists()
return true
