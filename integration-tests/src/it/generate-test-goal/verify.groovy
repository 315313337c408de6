// generate-test read src/test/arazzo, wrote target/generated-test-sources/arazzo, and added it to the test
// source roots only: the test class using the workflow compiled, and nothing reached the main classes.
def log = new File(basedir, 'build.log').getText('UTF-8')
def source = new File(basedir, 'target/generated-test-sources/arazzo/com/example/items/FetchItemWorkflow.java')

assert log.contains(':generate-test (default) @ generate-test-goal')
assert log.contains('[INFO] Compiling src/test/arazzo/fetch-item.arazzo.yaml')
assert log.contains('[INFO] Wrote com.example.items.FetchItemWorkflow')
assert source.isFile() : "missing ${source}"
assert new File(basedir, 'target/test-classes/com/example/items/FetchItemWorkflow.class').isFile()
assert new File(basedir, 'target/test-classes/com/example/items/FetchItemWorkflowUseTest.class').isFile()
assert new File(basedir, 'target/classes/com/example/app/App.class').isFile()
assert !new File(basedir, 'target/classes/com/example/items').exists() : 'test workflows reached the main classes'
assert !new File(basedir, 'target/generated-sources/arazzo').exists()
assert new File(basedir, 'target/weft/generate-test-default.stamp').isFile()
return true
