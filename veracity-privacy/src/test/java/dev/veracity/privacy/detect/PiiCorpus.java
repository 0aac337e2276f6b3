package dev.veracity.privacy.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.veracity.privacy.PiiEntity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A generated corpus of labelled values: for each entity, realistic positives and look-alikes that are not that
 * entity (or not PII at all), each with the feature name it would sit in.
 */
final class PiiCorpus {
    /** One labelled value. @param entity what it truly is, empty for no PII */
    record Item(String feature, String value, Optional<PiiEntity> entity) {}

    private static final String[] GIVEN = {
        "Maria",
        "John",
        "Akira",
        "Chloe",
        "Olivia",
        "Lucas",
        "Fatima",
        "Wei",
        "Sofia",
        "Daniel",
        "Emma",
        "Mohammed",
        "Anna",
        "David",
        "Priya"
    };
    private static final String[] FAMILY = {
        "Garcia",
        "Smith",
        "Tanaka",
        "Dubois",
        "Nguyen",
        "Schmidt",
        "Rossi",
        "Patel",
        "Kowalski",
        "Silva",
        "Okafor",
        "Lindqvist",
        "Moreau",
        "Haddad"
    };
    /** Given names the bundled list lacks: recall on them measures the list's coverage. */
    private static final String[] RARE_GIVEN = {
        "Siobhan", "Bartholomew", "Oluwaseun", "Thandiwe", "Ragnhild", "Eilidh", "Tadhg", "Ximena", "Zygmunt", "Anahera"
    };

    private static final String[] REGIONS = {"US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "ES", "IT", "NL", "MX"};
    private static final String[] IBAN_COUNTRIES = {
        "DE22", "GB22", "FR27", "ES24", "IT27", "NL18", "BE16", "CH21", "AT20", "PL28", "SE24", "NO15"
    };
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final SplittableRandom random;
    private final List<Item> items = new ArrayList<>();

    private PiiCorpus(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@return {@code perKind} positives and {@code perKind} negatives of every entity} */
    static List<Item> generate(long seed, int perKind) {
        PiiCorpus corpus = new PiiCorpus(seed);
        for (int i = 0; i < perKind; i++) {
            corpus.emails();
            corpus.phones();
            corpus.cards();
            corpus.ibans();
            corpus.ips();
            corpus.ssns();
            corpus.birthDates();
            corpus.names();
        }
        return corpus.items;
    }

    private void add(String feature, String value, PiiEntity entity) {
        items.add(new Item(feature, value, Optional.ofNullable(entity)));
    }

    private String letters(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private void emails() {
        String local = switch (random.nextInt(3)) {
            case 0 -> letters(3, 8) + "." + letters(3, 10);
            case 1 -> letters(2, 10) + digits(2);
            default -> letters(3, 6) + "+" + letters(3, 6);
        };
        String domain = letters(4, 10) + pick(new String[] {".com", ".org", ".co.uk", ".de", ".io", ".example"});
        add("email", local + "@" + domain, PiiEntity.EMAIL_ADDRESS);
        add(
                "handle",
                switch (random.nextInt(5)) {
                    case 0 -> local + "@localhost";
                    case 1 -> "@" + letters(4, 12);
                    case 2 -> local + " at " + letters(4, 8) + " dot com";
                    case 3 ->
                        letters(3, 8) + "@" + random.nextInt(4) + "x.png"; // retina image names: look like addresses
                    default -> local + "@" + digits(3);
                },
                null);
    }

    private void phones() {
        String region = pick(REGIONS);
        PhoneNumber number = PHONES.getExampleNumberForType(
                region,
                random.nextBoolean()
                        ? PhoneNumberUtil.PhoneNumberType.MOBILE
                        : PhoneNumberUtil.PhoneNumberType.FIXED_LINE);
        String national = Long.toString(number.getNationalNumber());
        for (int attempt = 0; attempt < 20; attempt++) {
            String changed = national.substring(0, national.length() - 3) + digits(3);
            try {
                PhoneNumber candidate = PHONES.parse("+" + number.getCountryCode() + changed, "ZZ");
                if (PHONES.isValidNumber(candidate)) {
                    number = candidate;
                    break;
                }
            } catch (NumberParseException e) {
                throw new IllegalStateException(e);
            }
        }
        PhoneNumberUtil.PhoneNumberFormat format = region.equals("US") && random.nextBoolean()
                ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL
                : random.nextBoolean()
                        ? PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL
                        : PhoneNumberUtil.PhoneNumberFormat.E164;
        add(random.nextBoolean() ? "phone" : "contact", PHONES.format(number, format), PiiEntity.PHONE_NUMBER);
        add(
                pick(new String[] {"order_id", "reference", "amount", "isbn"}),
                switch (random.nextInt(4)) {
                    case 0 -> digits(10);
                    case 1 -> (1 + random.nextInt(9)) + "," + digits(3) + "," + digits(3) + "." + digits(2);
                    case 2 ->
                        "978-" + random.nextInt(10) + "-" + digits(2) + "-" + digits(6) + "-" + random.nextInt(10);
                    default -> digits(4) + "-" + digits(4);
                },
                null);
    }

    private static String luhnComplete(String body) {
        for (int d = 0; d < 10; d++) {
            if (Luhn.isValid(body + d)) {
                return body + d;
            }
        }
        throw new IllegalStateException();
    }

    private void cards() {
        String[] prefixes = {"4", "51", "53", "55", "2221", "34", "37", "6011", "65", "3530"};
        String prefix = pick(prefixes);
        int length = prefix.startsWith("3") && !prefix.equals("3530") ? 15 : 16;
        String card = luhnComplete(prefix + digits(length - 1 - prefix.length()));
        String written = random.nextBoolean()
                ? card
                : length == 16
                        ? String.join(random.nextBoolean() ? " " : "-", card.split("(?<=\\G.{4})"))
                        : card.substring(0, 4) + " " + card.substring(4, 10) + " " + card.substring(10);
        add(random.nextBoolean() ? "card_number" : "payment", written, PiiEntity.CREDIT_CARD);
        String order;
        do {
            order = (1 + random.nextInt(9)) + digits(15);
        } while (Luhn.isValid(order) && random.nextInt(10) > 0); // a tenth of real order numbers pass Luhn
        add(pick(new String[] {"order_number", "reference", "tracking", "id"}), order, null);
    }

    private String iban(String country, int length, boolean valid) {
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < length - 4; i++) {
            bban.append(random.nextInt(5) == 0 ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
        }
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : Integer.toString(c - 'A' + 10));
        }
        int check = 98
                - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        if (!valid) {
            check = (check + 1 + random.nextInt(90)) % 97;
            check = check < 2 ? check + 2 : check;
        }
        String iban = country + String.format(Locale.ROOT, "%02d", check) + bban;
        return random.nextBoolean() ? iban : String.join(" ", iban.split("(?<=\\G.{4})"));
    }

    private void ibans() {
        String entry = pick(IBAN_COUNTRIES);
        int length = Integer.parseInt(entry.substring(2));
        add(random.nextBoolean() ? "iban" : "account", iban(entry.substring(0, 2), length, true), PiiEntity.IBAN_CODE);
        add(
                random.nextBoolean() ? "reference" : "code",
                random.nextBoolean()
                        ? iban(entry.substring(0, 2), length, false)
                        : letters(2, 2).toUpperCase(Locale.ROOT) + digits(length - 2),
                null);
    }

    private void ips() {
        String ip = random.nextBoolean()
                ? (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                        + random.nextInt(256)
                : random.nextBoolean()
                        ? String.format(
                                Locale.ROOT,
                                "2001:db8:%x:%x:%x:%x:%x:%x",
                                random.nextInt(65536),
                                random.nextInt(65536),
                                random.nextInt(65536),
                                random.nextInt(65536),
                                random.nextInt(65536),
                                random.nextInt(65536))
                        : String.format(Locale.ROOT, "fe80::%x:%x", random.nextInt(65536), random.nextInt(65536));
        add(random.nextBoolean() ? "client_ip" : "remote_addr", ip, PiiEntity.IP_ADDRESS);
        add(
                pick(new String[] {"version", "app_version", "build", "time", "mac", "ratio"}),
                switch (random.nextInt(6)) {
                    case 0 -> random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(50);
                    case 1 ->
                        random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(50) + "."
                                + random.nextInt(9999);
                    case 2 ->
                        "v" + random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(50) + "."
                                + random.nextInt(50);
                    case 3 ->
                        String.format(
                                Locale.ROOT,
                                "%02d:%02d:%02d",
                                random.nextInt(24),
                                random.nextInt(60),
                                random.nextInt(60));
                    case 4 ->
                        String.format(
                                Locale.ROOT,
                                "%02x:%02x:%02x:%02x:%02x:%02x",
                                random.nextInt(256),
                                random.nextInt(256),
                                random.nextInt(256),
                                random.nextInt(256),
                                random.nextInt(256),
                                random.nextInt(256));
                    default -> random.nextInt(1000) + "." + digits(4);
                },
                null);
    }

    private void ssns() {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        String ssn =
                String.format(Locale.ROOT, "%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
        if (ssn.equals("078-05-1120") || ssn.equals("219-09-9999") || ssn.equals("123-45-6789")) {
            ssn = "536-22-1234";
        }
        boolean plain = random.nextInt(4) == 0;
        add(
                plain ? "ssn" : pick(new String[] {"ssn", "tax_id", "value"}),
                plain ? ssn.replace("-", "") : ssn,
                PiiEntity.US_SSN);
        add(
                pick(new String[] {"code", "zip", "reference"}),
                switch (random.nextInt(4)) {
                    case 0 ->
                        String.format(
                                Locale.ROOT,
                                "%03d-%02d-%04d",
                                900 + random.nextInt(100),
                                random.nextInt(100),
                                random.nextInt(10000));
                    case 1 ->
                        String.format(Locale.ROOT, "%03d-00-%04d", 1 + random.nextInt(899), random.nextInt(10000));
                    case 2 -> digits(5) + "-" + digits(4);
                    default -> digits(9);
                },
                null);
    }

    private void birthDates() {
        int year = 1930 + random.nextInt(80);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        String[] months = {
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December"
        };
        String date = switch (random.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
            case 1 -> String.format(Locale.ROOT, "%02d/%02d/%04d", month, day, year);
            case 2 -> String.format(Locale.ROOT, "%02d.%02d.%04d", day, month, year);
            default -> day + " " + months[month - 1] + " " + year;
        };
        add(pick(new String[] {"date_of_birth", "dob", "birthdate", "born"}), date, PiiEntity.DATE_OF_BIRTH);
        add(pick(new String[] {"order_date", "created_at", "shipped", "event_day"}), date, null);
    }

    private void names() {
        String given = random.nextInt(4) == 0 ? pick(RARE_GIVEN) : pick(GIVEN);
        String name = random.nextInt(5) == 0 ? pick(FAMILY) + ", " + given : given + " " + pick(FAMILY);
        add(pick(new String[] {"customer_name", "full_name", "patient", "contact_person"}), name, PiiEntity.PERSON);
        add(
                pick(new String[] {"product_name", "city", "street", "name"}),
                pick(new String[] {
                    "New York",
                    "Main Street",
                    "Galaxy S21",
                    "Red Widget Pro",
                    "Green Tea",
                    "Rue de la Paix",
                    "Blue Ocean",
                    "Harbor View",
                    "Oak Avenue",
                    "Silver Line",
                    "Golden Gate",
                    "Saint Louis"
                }),
                null);
    }
}
