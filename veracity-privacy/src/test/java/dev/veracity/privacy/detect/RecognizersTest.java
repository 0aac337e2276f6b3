package dev.veracity.privacy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.privacy.PiiEntity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecognizersTest {
    private static final PiiDetector DETECTOR = new PiiDetector(
            List.of(
                    new EmailRecognizer(),
                    new PhoneRecognizer(),
                    new CreditCardRecognizer(),
                    new IbanRecognizer(),
                    new IpAddressRecognizer(),
                    new UsSsnRecognizer(),
                    new DateOfBirthRecognizer(LocalDate.of(2026, 1, 1)),
                    new PersonNameRecognizer()),
            PiiDetector.DEFAULT_THRESHOLD);

    static List<PiiEntity> entities(String text, String feature) {
        return DETECTOR.find(text, Context.ofFeature(feature)).stream()
                .map(Finding::entity)
                .toList();
    }

    static List<PiiEntity> entities(String text) {
        return entities(text, "");
    }

    @Nested
    class Email {
        @ParameterizedTest
        @ValueSource(strings = {"jane.doe@example.com", "j.o'brien+news@mail.example.co.uk", "X_Y-Z@sub.domain.io"})
        void findsAddresses(String value) {
            assertThat(entities(value)).containsExactly(PiiEntity.EMAIL_ADDRESS);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "user@localhost",
                    "@jane_doe",
                    "a@b.123",
                    "support at example dot com",
                    "git@github",
                    "name@domain.",
                    "logo@2x.png"
                })
        void rejectsLookAlikes(String value) {
            assertThat(entities(value)).doesNotContain(PiiEntity.EMAIL_ADDRESS);
        }

        @Test
        void findsAnAddressInsideText() {
            List<Finding> found = DETECTOR.find("Please write to bob.smith@example.org today.", Context.NONE);
            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.entity()).isEqualTo(PiiEntity.EMAIL_ADDRESS);
                assertThat("Please write to bob.smith@example.org today.".substring(f.start(), f.end()))
                        .isEqualTo("bob.smith@example.org");
            });
        }
    }

    @Nested
    class CreditCard {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "4111111111111111",
                    "4111 1111 1111 1111",
                    "5500-0000-0000-0004",
                    "378282246310005",
                    "6011111111111117",
                    "3530111333300000",
                    "2221000000000009"
                })
        void findsCardNumbersThatPassLuhn(String value) {
            assertThat(entities(value)).containsExactly(PiiEntity.CREDIT_CARD);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "4111111111111112",
                    "5500-0000-0000-0005",
                    "0000000000000000",
                    "1234567812345678",
                    "4111 1111-1111 1111",
                    "9111111111111111"
                })
        void rejectsNumbersThatFailLuhnOrPrefix(String value) {
            assertThat(entities(value)).doesNotContain(PiiEntity.CREDIT_CARD);
        }

        @Test
        void anOrderNumberThatPassesLuhnIsNotACardInAnOrderColumn() {
            assertThat(entities("4111111111111111", "order_number")).isEmpty();
            assertThat(entities("4111111111111111", "card_number")).containsExactly(PiiEntity.CREDIT_CARD);
        }
    }

    @Nested
    class Iban {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "DE89370400440532013000",
                    "DE89 3704 0044 0532 0130 00",
                    "GB82WEST12345698765432",
                    "FR1420041010050500013M02606",
                    "NL91ABNA0417164300",
                    "CH9300762011623852957"
                })
        void findsValidIbans(String value) {
            assertThat(entities(value)).containsExactly(PiiEntity.IBAN_CODE);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "DE89370400440532013001",
                    "DE8937040044053201300",
                    "XX89370400440532013000",
                    "GB82WEST1234569876543"
                })
        void rejectsBadChecksumsLengthsAndCountries(String value) {
            assertThat(entities(value)).doesNotContain(PiiEntity.IBAN_CODE);
        }
    }

    @Nested
    class IpAddress {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "192.168.1.1",
                    "8.8.8.8",
                    "2001:db8::1",
                    "fe80::1ff:fe23:4567:890a",
                    "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                    "::ffff:192.0.2.128"
                })
        void findsAddresses(String value) {
            assertThat(entities(value)).containsExactly(PiiEntity.IP_ADDRESS);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1.2.3",
                    "10.0.19041.1",
                    "256.1.1.1",
                    "01.02.03.04",
                    "1.2.3.4.5",
                    "12:30:45",
                    "00:1a:2b:3c:4d:5e",
                    "3.14159",
                    "1:2:3:4:5:6:7:8:9"
                })
        void rejectsVersionsTimesAndMacs(String value) {
            assertThat(entities(value)).doesNotContain(PiiEntity.IP_ADDRESS);
        }

        @Test
        void aFourPartVersionIsNotAnAddressInAVersionColumnOrAfterV() {
            assertThat(entities("2.3.4.5", "app_version")).isEmpty();
            assertThat(entities("release v2.3.4.5")).isEmpty();
            assertThat(entities("2.3.4.5", "client_ip")).containsExactly(PiiEntity.IP_ADDRESS);
        }
    }

    @Nested
    class Ssn {
        @ParameterizedTest
        @ValueSource(strings = {"536-22-1234", "212 45 6789"})
        void findsSeparatedNumbers(String value) {
            assertThat(entities(value)).containsExactly(PiiEntity.US_SSN);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "000-12-3456",
                    "666-12-3456",
                    "900-12-3456",
                    "536-00-1234",
                    "536-22-0000",
                    "078-05-1120",
                    "123-45-6789",
                    "111-11-1111"
                })
        void rejectsNumbersNeverIssued(String value) {
            assertThat(entities(value, "ssn")).doesNotContain(PiiEntity.US_SSN);
        }

        @Test
        void nineBareDigitsNeedAContextWord() {
            assertThat(entities("536221234")).doesNotContain(PiiEntity.US_SSN);
            assertThat(entities("536221234", "customer_ssn")).containsExactly(PiiEntity.US_SSN);
            assertThat(entities("SSN: 536221234")).containsExactly(PiiEntity.US_SSN);
        }
    }

    @Nested
    class Phone {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "+44 20 7946 0958",
                    "+49 30 901820",
                    "+1 (415) 555-2671",
                    "+33 1 42 68 53 00",
                    "(415) 555-2671",
                    "+81 3-1234-5678",
                    "0044 20 7946 0958"
                })
        void findsNumbersWithCountryCodeOrFormatting(String value) {
            assertThat(entities(value)).containsExactly(PiiEntity.PHONE_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"4155552671", "1234567890", "12345", "2024-01-15", "+1 123 456 7890"})
        void bareDigitsAndInvalidNumbersAreNotPhones(String value) {
            assertThat(entities(value)).doesNotContain(PiiEntity.PHONE_NUMBER);
        }

        @Test
        void bareDigitsAreAPhoneInAPhoneColumn() {
            assertThat(entities("4155552671", "mobile")).containsExactly(PiiEntity.PHONE_NUMBER);
        }
    }

    @Nested
    class DateOfBirth {
        @ParameterizedTest
        @ValueSource(
                strings = {"1985-03-12", "12/03/1985", "03/25/1985", "12.03.1985", "12 March 1985", "March 12, 1985"})
        void datesInABirthColumnAreBirthDates(String value) {
            assertThat(entities(value, "date_of_birth")).containsExactly(PiiEntity.DATE_OF_BIRTH);
            assertThat(entities(value, "dob")).containsExactly(PiiEntity.DATE_OF_BIRTH);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1985-03-12", "12 March 1985"})
        void datesWithoutContextAreNot(String value) {
            assertThat(entities(value, "order_date")).isEmpty();
            assertThat(entities(value)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1985-02-30", "2031-01-01", "1850-05-05", "13/13/1985"})
        void impossibleDatesAreNot(String value) {
            assertThat(entities(value, "birth_date")).isEmpty();
        }

        @Test
        void aDateAfterBornInTextIsABirthDate() {
            assertThat(entities("Patient born 1985-03-12 in Lyon")).contains(PiiEntity.DATE_OF_BIRTH);
        }
    }

    @Nested
    class Person {
        @ParameterizedTest
        @ValueSource(strings = {"Maria Garcia", "John P. Smith", "Garcia, Maria", "akira tanaka", "Chloe Dubois"})
        void namesInANameColumn(String value) {
            assertThat(entities(value, "customer_name")).containsExactly(PiiEntity.PERSON);
        }

        @Test
        void aGivenNameAloneInAFirstNameColumn() {
            assertThat(entities("Olivia", "first_name")).containsExactly(PiiEntity.PERSON);
        }

        @ParameterizedTest
        @ValueSource(strings = {"New York", "Main Street", "Galaxy S21", "Red Widget Pro"})
        void placesAndProductsAreNotNames(String value) {
            assertThat(entities(value, "name")).isEmpty();
        }

        @Test
        void namesWithoutContextAreNot() {
            assertThat(entities("Maria Garcia", "city")).isEmpty();
        }

        @Test
        void aNameAfterAContextWordInText() {
            assertThat(entities("Contact person: Emma Schmidt, room 12")).contains(PiiEntity.PERSON);
        }
    }

    @Test
    void freeTextWithSeveralEntities() {
        String text = "Customer jane@example.com paid with 4111 1111 1111 1111 from 203.0.113.9, call +44 20 7946 0958";
        assertThat(entities(text))
                .containsExactly(
                        PiiEntity.EMAIL_ADDRESS, PiiEntity.CREDIT_CARD, PiiEntity.IP_ADDRESS, PiiEntity.PHONE_NUMBER);
    }

    @Test
    void eachRecognizerNamesItsEntity() {
        List<Finding> out = new ArrayList<>();
        new IbanRecognizer().find("IBAN DE89370400440532013000", Context.NONE, out);
        assertThat(out).singleElement().extracting(Finding::score).isEqualTo(1.0);
    }
}
