// Two builds: compile (executions 'items' and 'more'), then mvn arazzo:generate ('default-cli').
// No run may delete a class another execution wrote, and each run names what it compiled and wrote.
def log = new File(basedir, 'build.log').getText('UTF-8')
def generated = new File(basedir, 'target/generated-sources/arazzo/com/example/items')
def classes = new File(basedir, 'target/classes/com/example/items')

def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS$/)
assert builds.size() >= 2 : "expected two successful builds, found ${builds.size() - 1}"
def (first, second) = [builds[0], builds[1]]

assert first.contains('(items) @ shared-output-folder')
assert first.contains('[INFO] Compiling src/main/arazzo/items/fetch-item.arazzo.yaml')
assert first.contains('[INFO] Wrote com.example.items.FetchItemWorkflow')
assert first.contains('(more) @ shared-output-folder')
assert first.contains('[INFO] Compiling src/main/arazzo/more/fetch-again.arazzo.yaml')
assert first.contains('[INFO] Wrote com.example.items.FetchAgainWorkflow')

// the command-line run compiles both documents into the same classes: it writes nothing and removes nothing
assert second.contains('(default-cli) @ shared-output-folder')
assert second.contains('[INFO] Generated 2 workflow classes in target/generated-sources/arazzo (0 written, 2 unchanged)')
assert !log.contains('[INFO] Removed ') : 'a run removed a file another execution wrote'

// both classes are still there, and the first build compiled them
for (name in ['FetchItemWorkflow', 'FetchAgainWorkflow']) {
    assert new File(generated, "${name}.java").isFile() : "${name}.java was deleted"
    assert new File(classes, "${name}.class").isFile() : "${name} was not compiled"
}
['generate-items', 'generate-more', 'generate-default-cli'].each {
    assert new File(basedir, "target/weft/${it}.stamp").isFile() : "no stamp ${it}"
}
return true
