package dev.weft.maven;

import java.io.File;

/**
 * One local copy of a remote source description: Weft never downloads at build time, so a document
 * whose {@code sourceDescriptions} name an {@code https://} URL is compiled against this file.
 *
 * <pre>{@code
 * <sourceMappings>
 *   <sourceMapping>
 *     <url>https://example.com/openapi.yaml</url>
 *     <file>src/main/openapi/example.openapi.yaml</file>
 *   </sourceMapping>
 * </sourceMappings>
 * }</pre>
 */
public class SourceMapping {
    /** The URL exactly as the Arazzo document writes it. */
    private String url;

    /** The local file to read instead, relative to the project's base directory. */
    private File file;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public File getFile() {
        return file;
    }

    public void setFile(File file) {
        this.file = file;
    }
}
