package dev.veracity.cli;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A vocabulary file that {@code stats --vocab NAME=FILE} names: UTF-8 text, one token per line, line i being token i
 * (TFDV's vocab_paths). A missing file, a directory or bytes that are not UTF-8 are input errors naming the file.
 *
 * <pre>{@code
 * List<String> tokens = VocabularyFile.read(Path.of("vocab.txt"));
 * }</pre>
 */
final class VocabularyFile {
    private VocabularyFile() {}

    /**
     * {@return the tokens, one per line, stripped of surrounding white space, in line order}
     *
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE or FILE_UNREADABLE; CONFIG_FILE_INVALID if the bytes
     *                        are not UTF-8
     */
    static List<String> read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = InputFiles.open(file)) {
            bytes = in.readAllBytes();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(
                    ErrorCode.CONFIG_FILE_INVALID,
                    file + ": expected UTF-8 text, one token per line, found bytes that are not UTF-8",
                    e);
        }
        return text.lines().map(String::strip).toList();
    }
}
