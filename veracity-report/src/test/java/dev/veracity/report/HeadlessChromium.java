package dev.veracity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's chromium driven headless through its chromedriver, with no download ever (the driver and browser paths
 * are given, so Selenium Manager never runs). Absent binaries skip the test, or fail it when {@code VERACITY_CI=1}
 * (the CI installs them). Paths: {@code VERACITY_CHROMIUM} and {@code VERACITY_CHROMEDRIVER}, by default
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 *
 * <pre>{@code
 * try (HeadlessChromium chromium = HeadlessChromium.start(1300, 2000)) { chromium.open(page); chromium.assertNoConsoleErrors(); }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** {@return a fresh browser with a window of the given size; skips the test when there is no chromium} */
    public static HeadlessChromium start(int width, int height) throws IOException {
        Path browser = Path.of(env("VERACITY_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(env("VERACITY_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(browser) || !Files.isExecutable(chromedriver)) {
            String message = "headless Chromium test needs " + browser + " and " + chromedriver
                    + " (Debian packages chromium and chromium-driver)";
            if ("1".equals(System.getenv("VERACITY_CI"))) {
                Assertions.fail(message + ", and VERACITY_CI=1 says they must be installed");
            }
            Assumptions.abort(message + ": skipped");
        }
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Path profile = Files.createTempDirectory("veracity-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.toString()))
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    /** {@return the driver, to find elements and run scripts} */
    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a file and waits until the report says it has drawn its first page. */
    public void open(Path html) {
        driver.get(html.toUri().toString());
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(60))
                .until(d -> "true"
                        .equals(d.findElement(org.openqa.selenium.By.tagName("body"))
                                .getAttribute("data-ready")));
    }

    /** {@return the browser console's entries since the last call} */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Asserts that the console holds no error (a script error, a CSP violation, a failed load). */
    public void assertNoConsoleErrors() {
        assertThat(console())
                .filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .as("console warnings and errors")
                .isEmpty();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
