// With arazzo-xpath among the plugin's dependencies, validate and generate both see the XPath 2.0+ engine: the
// XPath 3.1 workflow compiles (without it, each would fail with xpath-engine-missing), and javac compiles the class.
def log = new File(basedir, 'build.log').getText('UTF-8')
def source = new File(basedir, 'target/generated-sources/arazzo/com/example/shop/Invoice31Workflow.java')
def compiled = new File(basedir, 'target/classes/com/example/shop/Invoice31Workflow.class')

assert !log.contains('xpath-engine-missing') : 'the compiler did not see arazzo-xpath'
assert log.contains('Validated 1 Arazzo document: no errors')
assert source.isFile() : "missing ${source}"
assert compiled.isFile() : "missing ${compiled}"
assert log.contains('Generated 1 workflow class in ')
assert log.contains('BUILD SUCCESS')
return true
