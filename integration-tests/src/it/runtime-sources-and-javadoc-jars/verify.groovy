// The runtime's -sources and -javadoc jars were built and installed with it, and hold what an IDE shows.
import java.util.zip.ZipFile

def folder = new File(localRepositoryPath.toString(), "dev/weft/arazzo-runtime/${weftVersion}")
def entries = { String classifier ->
    def jar = new File(folder, "arazzo-runtime-${weftVersion}-${classifier}.jar")
    assert jar.isFile() : "missing ${jar}"
    def zip = new ZipFile(jar)
    try { zip.entries().collect { it.name } } finally { zip.close() }
}

def sources = entries('sources')
assert sources.contains('dev/weft/runtime/ArazzoClient.java')
assert sources.contains('dev/weft/runtime/Arazzo.java')

def javadoc = entries('javadoc')
assert javadoc.contains('index.html')
// the runtime is a named module, so its pages sit below the module's folder
assert javadoc.contains('dev.weft.runtime/dev/weft/runtime/ArazzoClient.html')
return true
