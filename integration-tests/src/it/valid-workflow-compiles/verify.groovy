// The workflow became a Java class, javac compiled it, and the log says what was generated.
def log = new File(basedir, 'build.log').getText('UTF-8')
def source = new File(basedir, 'target/generated-sources/arazzo/com/example/items/FetchItemWorkflow.java')
def compiled = new File(basedir, 'target/classes/com/example/items/FetchItemWorkflow.class')

assert source.isFile() : "missing ${source}"
assert source.getText('UTF-8').contains('package com.example.items;')
assert compiled.isFile() : "missing ${compiled}"
assert log.contains('Generated 1 workflow class in ')
assert new File(basedir, 'target/weft/generate-default.stamp').isFile()
assert log.contains('BUILD SUCCESS')
return true
