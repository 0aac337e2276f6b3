package dev.veracity.privacy.detect;

import dev.veracity.privacy.PiiEntity;
import java.util.List;

/**
 * Finds spans of one kind of personal data in a text: a pattern, a checksum or rule that rejects look-alikes, and a
 * raw score that {@link Context} adjusts.
 *
 * <pre>{@code
 * List<Finding> found = new ArrayList<>();
 * new CreditCardRecognizer().find("paid with 4111 1111 1111 1111", Context.NONE, found);
 * }</pre>
 */
public sealed interface Recognizer
        permits EmailRecognizer,
                PhoneRecognizer,
                CreditCardRecognizer,
                IbanRecognizer,
                IpAddressRecognizer,
                UsSsnRecognizer,
                DateOfBirthRecognizer,
                PersonNameRecognizer {
    /** {@return the entity this recognizer finds} */
    PiiEntity entity();

    /** Appends to {@code out} every span of {@code text} that looks like this entity, scored in {@code context}. */
    void find(String text, Context context, List<Finding> out);
}
