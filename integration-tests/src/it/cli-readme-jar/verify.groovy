// Runs the commands of the README's "The command line" section with the jar its alias names (this build's own,
// from the IT repository), from the repository's root, so that the shaded jar is known to hold the parser, the
// version and the runtime 'run' compiles against. Files the commands write go to this folder instead of target/;
// 'run' targets a closed port, as no Orchestration API listens here (ReadmeCommandLineTest runs it against the
// example's fake server and compares the output).
import java.util.concurrent.TimeUnit

def readme = new File(weftRoot, 'README.md').getText('UTF-8')
def section = readme.substring(readme.indexOf('## The command line\n'))
section = section.substring(0, section.indexOf('\n## ', 1))
def block = (section =~ /(?ms)^```sh\n(.*?)^```/)[0][1]
def commands = block.replaceAll(/\\\n\s*/, ' ').trim().readLines()
def alias = commands[0] =~ /^alias weft='java -jar (\S+)'$/
assert alias.matches() : "the README's first command defines weft: ${commands[0]}"
def jarName = new File(alias.group(1)).name
assert jarName == "arazzo-compiler-${weftVersion}-cli.jar"
def found = []
new File(localRepositoryPath.toString()).eachFileRecurse { if (it.name == jarName) found << it }
assert found : "${jarName}, named by the README, is not among this build's artifacts"
def jar = found[0]

// sh's word splitting for these commands: double quotes, $VARIABLES and a glob in the last path segment
def words = { String command ->
    def out = []
    (command =~ /(?:"[^"]*"|[^\s"])+/).each { String raw ->
        def quoted = raw.contains('"')
        def word = raw.replace('"', '').replace('$CIVITAI_API_KEY', 'it-test-key-0123456789')
        def slash = word.lastIndexOf('/')
        if (!quoted && word.contains('*')) {
            def dir = new File(weftRoot, word.substring(0, slash))
            def glob = java.nio.file.FileSystems.default.getPathMatcher('glob:' + word.substring(slash + 1))
            def matches = dir.listFiles().findAll { glob.matches(it.toPath().fileName) }*.name.sort()
            assert matches : "${word} matches nothing"
            out.addAll(matches.collect { word.substring(0, slash + 1) + it })
        } else {
            out << word
        }
    }
    out
}
def javaBin = new File(System.getProperty('java.home'), 'bin')
// runs a command from the repository's root: its exit status, stdout and stderr
def exec = { List command, Map env = [:] ->
    def builder = new ProcessBuilder(command).directory(new File(weftRoot.toString()))
    builder.environment().putAll(env)
    def process = builder.start()
    def out = new StringBuilder(), err = new StringBuilder()
    process.consumeProcessOutput(out, err)
    assert process.waitFor(180, TimeUnit.SECONDS) : "${command} did not finish"
    process.waitForProcessOutput()
    [process.exitValue(), out.toString(), err.toString()]
}
def weft = { List args -> exec([new File(javaBin, 'java').path, '-jar', jar.path] + args) }
def local = { List args ->
    def result = []
    for (int i = 0; i < args.size(); i++) {
        result << args[i]
        if (args[i] in ['-d', '--report-file']) {
            result << new File(basedir, args[++i]).path
        } else if (args[i] == '--server') {
            result << args[++i].replace('http://127.0.0.1:8080', 'http://127.0.0.1:9')
        }
    }
    result
}

assert commands.size() == 5
assert commands.drop(1).every { it.startsWith('weft ') }
def (exit, out, err) = weft(['--version'])
assert exit == 0 && out.startsWith("weft ${weftVersion}\n") : "--version said:\n${out}${err}"

(exit, out, err) = weft(local(words(commands[1]).drop(1)))
assert exit == 0 && out.contains('Exit status:') : "--help said:\n${out}${err}"

(exit, out, err) = weft(local(words(commands[2]).drop(1)))
assert exit == 0 : "check said:\n${out}${err}"
assert err.contains('warning: [bare-expression]')

(exit, out, err) = weft(local(words(commands[3]).drop(1)))
assert exit == 0 : "generate said:\n${out}${err}"
assert new File(basedir, 'target/generated/com/example/civitai/WorkflowQueryCancelWorkflow.java').isFile()

(exit, out, err) = weft(local(words(commands[4]).drop(1)))
assert exit == 1 : "run against a closed port fails the workflow, after compiling and loading it:\n${out}${err}"
assert err.contains("submitGeneration  POST /v2/consumer/workflows  ConnectException") : err
assert !(out + err).contains('it-test-key-0123456789')
def report = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/weft-report.xml'))
assert report.getElementsByTagName('testsuite').item(0).getAttribute('failures') == '1'
assert !new File(basedir, 'target/weft-report.xml').text.contains('it-test-key-0123456789')

(exit, out, err) = weft(['run', commands[4].split(/\s+/)[2], '--input', 'promt=x'])
assert exit == 2 : "a mistake is a usage error:\n${out}${err}"
assert err.readLines().find { it.startsWith('weft: unknown input') } ==
        "weft: unknown input 'promt' of workflow 'image-generation-poll'; did you mean 'prompt'?; " +
        "workflow 'image-generation-poll' needs inputs 'apiKey', 'engine', 'prompt': " +
        "add --input apiKey=VALUE --input engine=VALUE --input prompt=VALUE"

// the launcher (class-data sharing for one-shot runs): its first run makes the archive, the second uses it; the
// JVM says nothing on stdout either time, where the outputs go
def launcher = { List args ->
    exec(['sh', new File(weftRoot, 'arazzo-compiler/src/main/bin/weft').path] + args,
            [WEFT_JAR: jar.path, WEFT_CACHE_DIR: new File(basedir, 'target/launcher-cache').path,
             PATH: javaBin.path + ':' + System.getenv('PATH')])
}
def direct = weft(['run', '--help'])
for (attempt in ['makes the archive', 'uses the archive']) {
    (exit, out, err) = launcher(['run', '--help'])
    assert exit == 0 && out == direct[1] : "the launcher's run --help (${attempt}) said:\n${out}${err}"
    assert !err.contains('[cds') && !err.contains('[warning]') : "the launcher (${attempt}) logged:\n${err}"
    def archives = new File(basedir, 'target/launcher-cache').listFiles().findAll { it.name.endsWith('.jsa') }
    assert archives.size() == 1 : "one archive after the launcher ${attempt}: ${archives}"
}
return true
