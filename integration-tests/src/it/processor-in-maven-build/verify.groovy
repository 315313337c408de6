// maven-compiler-plugin ran the processor from the arazzo-compiler artifact: the workflow class was generated
// into the annotated package and compiled, without a warning.
def log = new File(basedir, 'build.log').getText('UTF-8')
def source = new File(basedir, 'target/generated-sources/annotations/com/example/orders/OrdersWorkflow.java')

assert source.isFile() : "missing ${source}; the log says:\n${log}"
assert source.getText('UTF-8').contains('package com.example.orders;')
assert new File(basedir, 'target/classes/com/example/orders/OrdersWorkflow.class').isFile()
assert log.contains('Weft: compiling ') && log.contains('orders.arazzo.yaml')
assert log.contains('Weft: wrote com.example.orders.OrdersWorkflow')
assert log.contains('BUILD SUCCESS')
return true
