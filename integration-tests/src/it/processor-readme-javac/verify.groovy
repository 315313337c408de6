// Runs the README's javac command exactly as written, in this folder, with the jars it names taken from the
// IT repository (this build's own), the README's package-info.java, and the orders workflow in src/main/arazzo.
import java.nio.file.Files
import java.util.concurrent.TimeUnit

def readme = new File(weftRoot, 'README.md').getText('UTF-8')
def blocks = (readme =~ /(?ms)^```(\w*)\n(.*?)^```/).collect { [lang: it[1], text: it[2]] }
def javacBlocks = blocks.findAll { it.lang == 'sh' && it.text.startsWith('javac ') }
assert javacBlocks.size() == 1 : "expected one javac command in the README, found ${javacBlocks.size()}"
def command = javacBlocks[0].text.replaceAll(/\\\n\s*/, ' ').trim().split(/\s+/) as List
def annotated = blocks.find { it.lang == 'java' && it.text.contains('@dev.weft.runtime.Arazzo(') }
assert annotated : 'the README shows no @Arazzo package-info'

// the jars the command names, as files in this folder
def jars = []
['-processorpath', '-cp'].each { option ->
    jars += command[command.indexOf(option) + 1].split(File.pathSeparator) as List
}
def repository = new File(localRepositoryPath.toString())
jars.each { name ->
    def found = []
    repository.eachFileRecurse { if (it.name == name) found << it }
    assert found : "${name}, named by the README, is not among this build's artifacts and their dependencies"
    Files.copy(found[0].toPath(), new File(basedir, name).toPath())
}
def source = new File(basedir, command.last())
source.parentFile.mkdirs()
source.text = annotated.text

def javac = new File(System.getProperty('java.home'), 'bin/javac').path
def run = { List args ->
    def process = new ProcessBuilder([javac] + args).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.getText('UTF-8')
    assert process.waitFor(120, TimeUnit.SECONDS) : 'javac did not finish'
    [process.exitValue(), output]
}

def (exit, output) = run(command.drop(1))
assert exit == 0 : "the README's javac command failed:\n${output}"
def classes = new File(basedir, 'out/com/example/orders')
assert new File(classes, 'OrdersWorkflow.java').isFile() : "no workflow was generated; javac said:\n${output}"
assert new File(classes, 'OrdersWorkflow.class').isFile()
assert new File(classes, 'OrdersWorkflow$Inputs.class').isFile()

// a source level below 17 is one error line that says what to do, not a score of errors in generated code
(exit, output) = run(command.drop(1) + ['--release', '11', '-d', 'out11'])
assert exit != 0
def errors = output.readLines().findAll { it.contains('error') }
assert errors == ["error: Weft generates Java 17 code (records, switch expressions), but this compilation's source level is 11; compile with --release 17 or later",
                  '1 error'] : "javac said:\n${output}"
return true
