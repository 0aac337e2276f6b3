package dev.veracity.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of personal data the recognizers find, named as Presidio names its entities, with the context words
 * that make a match more likely when they appear in the feature name or just before the match in a text.
 *
 * <pre>{@code
 * PiiEntity.parse("email_address")   // Optional[EMAIL_ADDRESS]
 * }</pre>
 */
public enum PiiEntity {
    EMAIL_ADDRESS("email", "e-mail", "mail", "contact"),
    PHONE_NUMBER("phone", "telephone", "tel", "mobile", "cell", "fax", "contact", "msisdn"),
    CREDIT_CARD("card", "credit", "cc", "pan", "visa", "mastercard", "amex", "payment"),
    IBAN_CODE("iban", "account", "bank"),
    IP_ADDRESS("ip", "ipv4", "ipv6", "host", "client", "remote", "addr"),
    US_SSN("ssn", "social", "security", "taxpayer", "tin"),
    DATE_OF_BIRTH("birth", "dob", "born", "birthday", "birthdate", "geburtsdatum"),
    PERSON(
            "name",
            "names",
            "firstname",
            "lastname",
            "surname",
            "fullname",
            "given",
            "family",
            "patient",
            "customer",
            "person",
            "employee",
            "author",
            "contact",
            "owner",
            "holder");

    private final List<String> contextWords;

    PiiEntity(String... contextWords) {
        this.contextWords = List.of(contextWords);
    }

    /** {@return words that make this entity more likely when found near a match (lower case)} */
    public List<String> contextWords() {
        return contextWords;
    }

    /** {@return the entity of this name, case-insensitive, if there is one} */
    public static Optional<PiiEntity> parse(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(e -> e.name().equals(upper)).findFirst();
    }

    /** {@return the entity names, comma separated, for error messages} */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
