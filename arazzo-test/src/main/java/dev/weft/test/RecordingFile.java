package dev.weft.test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The file a recording is kept in: JSON, {@code {"format": "weft-recording", "version": 1, "exchanges": [...]}},
 * pretty-printed and in the order the exchanges happened, so that a diff of two recordings reads well.
 *
 * @param format always {@code weft-recording}
 * @param version the format's version, 1
 * @param exchanges the exchanges, in order
 */
record RecordingFile(String format, int version, List<RecordedExchange> exchanges) {

    static final String FORMAT = "weft-recording";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    RecordingFile {
        exchanges = List.copyOf(exchanges);
    }

    static void write(Path file, List<RecordedExchange> exchanges) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(new RecordingFile(FORMAT, VERSION, exchanges)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording " + file + ": " + e.getMessage(), e);
        }
    }

    static List<RecordedExchange> read(Path file) {
        RecordingFile recording;
        try {
            recording = JSON.readValue(file.toFile(), RecordingFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(recording.format()) || recording.version() != VERSION || recording.exchanges() == null) {
            throw new IllegalArgumentException(file + " is not a Weft recording (format " + FORMAT + ", version "
                    + VERSION + "): it says " + recording.format() + " " + recording.version());
        }
        return recording.exchanges();
    }
}
