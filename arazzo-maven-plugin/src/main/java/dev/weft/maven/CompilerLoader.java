package dev.weft.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;

/**
 * Weft's compiler, resolved and loaded only when a build has something to compile (as Surefire resolves its
 * providers): the plugin itself depends on Maven's API and the IDE's build API only, so a build that finds its
 * sources up to date costs Maven no resolution of the compiler's ~60 artifacts and their POMs.
 *
 * <p>The compiler {@code dev.weft:arazzo-compiler}, of the plugin's own version, and its runtime dependencies are
 * resolved through Maven's resolver from the plugin repositories of the project (offline from the local
 * repository in an offline build; from the reactor when Weft is built in it). They are loaded by a class loader
 * whose parent is the plugin's, so the dependencies a user adds to the plugin (such as {@code arazzo-xpath}, the
 * XPath 2.0+ engine) are seen by the compiler. When the plugin's own class loader already sees the compiler (a
 * user declared it as a dependency of the plugin, or a test), that one is used as it is.
 */
final class CompilerLoader {
    static final String GROUP_ID = "dev.weft";
    static final String COMPILER = "arazzo-compiler";
    /** The Weft artifacts whose content the build stamp of a snapshot covers, besides the plugin's own. */
    static final List<String> STAMPED = List.of(COMPILER, "arazzo-runtime");

    private static final String BRIDGE = "dev.weft.maven.compile.ArazzoCompilerBridge";
    private static final String COMPILER_CLASS = "dev.weft.compiler.ArazzoCompiler";
    /**
     * The compiler last loaded and the jars it was loaded from: one, so that the class loader of a snapshot's
     * earlier jars (rebuilt in a long-lived IDE) is let go rather than kept for the JVM's life.
     */
    private static final AtomicReference<Loaded> LOADED = new AtomicReference<>();

    private record Loaded(List<String> jars, CompilerBridge bridge) {}

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final String version;

    /**
     * @param system Maven's resolver
     * @param session the build's resolver session (offline, local repository, reactor)
     * @param repositories the project's plugin repositories
     * @param version the plugin's version, which the compiler shares
     */
    CompilerLoader(
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories,
            String version) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
        this.version = version;
    }

    /** The compiler, resolved and loaded on first use and kept for the rest of the build (and the IDE's life). */
    CompilerBridge load() throws MojoExecutionException {
        ClassLoader plugin = CompilerLoader.class.getClassLoader();
        boolean own = sees(plugin, COMPILER_CLASS);
        List<File> files = own ? List.of() : resolveCompiler();
        List<String> key = new ArrayList<>();
        for (File file : files) {
            key.add(file.getAbsolutePath() + " " + file.lastModified() + " " + file.length());
        }
        Loaded last = LOADED.get();
        if (last != null && last.jars().equals(key)) {
            return last.bridge();
        }
        CompilerBridge loaded;
        if (own) {
            loaded = instantiate(plugin);
        } else {
            List<URL> urls = new ArrayList<>();
            urls.add(pluginCode());
            for (File file : files) {
                urls.add(url(file));
            }
            loaded = instantiate(new BridgeLoader(urls.toArray(URL[]::new), plugin));
        }
        // builds running in parallel may each load it once; the last one kept serves those that follow
        LOADED.set(new Loaded(List.copyOf(key), loaded));
        return loaded;
    }

    /**
     * The jars of the Weft artifacts {@link #STAMPED}, looked up one by one without their dependencies: in the
     * reactor, then in the local repository, and only for those in neither through the resolver, whose first
     * call (snapshot metadata, remote repository bookkeeping) cost an up-to-date build some 20 ms. Those not
     * found (a reactor module not yet packaged) are left out.
     */
    List<Path> stampedJars() {
        List<Path> jars = new ArrayList<>();
        List<ArtifactRequest> unresolved = new ArrayList<>();
        for (String id : STAMPED) {
            Artifact artifact = new DefaultArtifact(GROUP_ID, id, "jar", version);
            File inReactor = session.getWorkspaceReader() == null
                    ? null
                    : session.getWorkspaceReader().findArtifact(artifact);
            File file = inReactor != null
                    ? inReactor
                    : session.getLocalRepositoryManager()
                            .find(session, new LocalArtifactRequest(artifact, repositories, null))
                            .getFile();
            if (file != null && file.isFile()) {
                jars.add(file.toPath());
            } else if (inReactor == null) {
                unresolved.add(new ArtifactRequest(artifact, repositories, null));
            }
        }
        if (unresolved.isEmpty()) {
            return jars;
        }
        List<ArtifactResult> results;
        try {
            results = system.resolveArtifacts(session, unresolved);
        } catch (ArtifactResolutionException e) {
            results = e.getResults();
        }
        results.stream()
                .map(ArtifactResult::getArtifact)
                .filter(a -> a != null && a.getFile() != null && a.getFile().isFile())
                .forEach(a -> jars.add(a.getFile().toPath()));
        return jars;
    }

    private List<File> resolveCompiler() throws MojoExecutionException {
        CollectRequest collect = new CollectRequest();
        // the compiler as a dependency of the plugin, so its own optional and test dependencies stay out as
        // they would for a dependency declared in the plugin's POM
        collect.setRootArtifact(new DefaultArtifact(GROUP_ID, "arazzo-maven-plugin", "jar", version));
        collect.addDependency(new Dependency(new DefaultArtifact(GROUP_ID, COMPILER, "jar", version), "runtime"));
        collect.setRepositories(repositories);
        DependencyRequest request = new DependencyRequest(
                collect,
                (node, parents) -> node.getDependency() == null
                        || List.of("compile", "runtime")
                                .contains(node.getDependency().getScope()));
        DependencyResult result;
        try {
            result = system.resolveDependencies(session, request);
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException(
                    "Cannot resolve Weft's compiler " + GROUP_ID + ":" + COMPILER + ":" + version + ": "
                            + e.getMessage(),
                    e);
        }
        List<File> files = new ArrayList<>();
        for (ArtifactResult artifact : result.getArtifactResults()) {
            Artifact resolved = artifact.getArtifact();
            if (resolved != null && resolved.getFile() != null) {
                files.add(resolved.getFile());
            }
        }
        return files;
    }

    private static CompilerBridge instantiate(ClassLoader loader) {
        try {
            return (CompilerBridge)
                    Class.forName(BRIDGE, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Cannot load Weft's compiler: " + e, e);
        }
    }

    private static boolean sees(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    // the plugin's own jar (or classes folder), where the bridge's classes are
    private static URL pluginCode() throws MojoExecutionException {
        URL location =
                CompilerLoader.class.getProtectionDomain().getCodeSource().getLocation();
        if (location == null) {
            throw new MojoExecutionException("Cannot find the Arazzo plugin's own jar to load Weft's compiler");
        }
        return location;
    }

    private static URL url(File file) throws MojoExecutionException {
        try {
            return file.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new MojoExecutionException("Cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parent first, as every Maven class loader, except for the bridge's own package, which it defines itself
     * from the plugin's jar: those classes must see the compiler, which the plugin's class loader does not.
     */
    static final class BridgeLoader extends URLClassLoader {
        private static final String OWN = BRIDGE.substring(0, BRIDGE.lastIndexOf('.') + 1);

        static {
            registerAsParallelCapable();
        }

        BridgeLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(OWN)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
