package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.junit.jupiter.api.Test;

class CompilerLoaderTest {

    @Test
    void theBridgeIsDefinedBesideTheCompilerAndEverythingElseComesFromThePlugin() throws Exception {
        ClassLoader plugin = CompilerLoader.class.getClassLoader();
        URL pluginCode =
                CompilerLoader.class.getProtectionDomain().getCodeSource().getLocation();
        try (CompilerLoader.BridgeLoader loader = new CompilerLoader.BridgeLoader(new URL[] {pluginCode}, plugin)) {
            Class<?> bridge = loader.loadClass("dev.weft.maven.compile.ArazzoCompilerBridge");
            // defined by the child, so that its references to the compiler resolve through the compiler's jars
            assertSame(loader, bridge.getClassLoader());
            assertNotSame(Class.forName(bridge.getName(), false, plugin), bridge);
            // the interface it implements, Maven's and the plugin's other classes are the plugin's own
            assertSame(CompilerBridge.class, loader.loadClass(CompilerBridge.class.getName()));
            assertSame(BuildStamp.class, loader.loadClass(BuildStamp.class.getName()));
            assertTrue(CompilerBridge.class.isAssignableFrom(bridge), "the bridge implements the plugin's interface");
        }
    }
}
