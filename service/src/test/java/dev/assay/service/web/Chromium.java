package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.TestApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through Debian's chromedriver (no downloaded driver) at 1280x720, with the
 * helpers the browser tests share: screenshots in {@code service/target/screenshots/}, scripts, waits and the
 * basic accessibility checks.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {
    private static final Path SHOTS = Path.of("target", "screenshots");

    private final TestApp app;
    private @Nullable ChromeDriver driver;

    /** For {@code @RegisterExtension}: prepares {@code app} and starts the browser before the class's tests. */
    Chromium(TestApp app) {
        this.app = app;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        app.prepare();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // root in a container: Chromium's own sandbox cannot start
                "--disable-dev-shm-usage",
                "--window-size=1280,720",
                "--no-first-run",
                "--no-proxy-server");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
        app.removeEnvironments();
    }

    ChromeDriver driver() {
        return java.util.Objects.requireNonNull(driver, "the browser starts before the class's tests");
    }

    void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), driver().getScreenshotAs(OutputType.BYTES));
    }

    WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver(), Duration.ofSeconds(seconds));
    }

    /**
     * Clicks what {@code by} finds once the page has loaded, finding it again if the page replaced the node between
     * finding and clicking (Chromium reports that as a stale element or as a node that "does not belong to the
     * document").
     */
    void click(By by) {
        waiting(10).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        waiting(10)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        d.findElement(by).click();
                        return true;
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    Object script(String code) {
        return java.util.Objects.requireNonNull(((JavascriptExecutor) driver()).executeScript(code), code);
    }

    /** An xterm.js terminal's screen and scrollback as text (the canvas holds no text); {@code term} is JS. */
    String rows(String term) {
        return String.valueOf(script("const b = " + term + ".buffer.active; const lines = [];"
                + " for (let i = 0; i < b.length; i++) { lines.push(b.getLine(i).translateToString(true)); }"
                + " return lines.join('\\n');"));
    }

    /**
     * What a keyboard and screen-reader user needs at the least: a language, one h1, every button and link named,
     * every form field labelled.
     */
    void assertAccessible() {
        assertThat(driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isNotBlank();
        assertThat(driver().findElements(By.tagName("h1"))).hasSize(1);
        for (WebElement control : driver().findElements(By.cssSelector("button, a"))) {
            if (control.isDisplayed()) {
                assertThat(control.getText().strip())
                        .as("a named control: " + control.getAttribute("outerHTML"))
                        .isNotEmpty();
            }
        }
        Object unlabelled = script("return Array.from(document.querySelectorAll('input:not([type=hidden]), select,"
                + " textarea:not(.xterm-helper-textarea)')).filter(e => !e.labels || e.labels.length === 0).length");
        assertThat(((Number) unlabelled).intValue()).isZero();
    }

    /** Signs a staff member in through the login page, with a fresh set of cookies. */
    void signIn(java.net.URI base, String email) {
        driver().manage().deleteAllCookies();
        driver().get(base.resolve("/login").toString());
        driver().findElement(By.name("email")).sendKeys(email);
        driver().findElement(By.name("password")).sendKeys(dev.assay.service.TestApp.PASSWORD);
        driver().findElement(By.cssSelector("form[action='/login'] button")).click();
        waiting(10).until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(".*/admin$"));
    }
}
