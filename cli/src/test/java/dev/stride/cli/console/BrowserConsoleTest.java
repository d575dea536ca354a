package dev.stride.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's headless Chromium driven by Selenium through Debian's
 * chromedriver ({@link Browser}). From the machine list to a started execution that turns
 * SUCCEEDED on its own page without a reload, a state's output and a failed state's error on
 * click, and stepping through the history. Screenshots land in {@code target/console-screenshots}.
 */
class BrowserConsoleTest {
    static final String PREFIX = ConsoleServerTest.PREFIX;
    /** Long enough to watch: a Wait, then a Parallel whose failing branch is caught. */
    static final String WATCHED = """
        {"StartAt": "Pause", "States": {
          "Pause": {"Type": "Wait", "Seconds": 2, "Next": "Fan"},
          "Fan": {"Type": "Parallel", "ResultPath": "$.fan", "Next": "Shout",
            "Branches": [{"StartAt": "Quick", "States": {"Quick": {"Type": "Pass", "Result": {"said": "quick"}, "End": true}}},
                         {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Boom", "Cause": "it broke"}}}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Shout"}]},
          "Shout": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('hello {}', $.who)"}, "Assign": {"loud": true},
            "End": true}}}
        """;
    static final Path SHOTS = Path.of("target", "console-screenshots");
    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        ConsoleServerTest.start();
        ConsoleServerTest.sfn("CreateStateMachine", ConsoleServerTest.JSON.createObjectNode().put("name", "watched")
                .put("definition", WATCHED).put("roleArn", ConsoleServerTest.ROLE));
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void screenshot(TestInfo test) throws IOException {
        if (driver == null) return;
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), png);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) driver.quit();
        ConsoleServerTest.stop();
    }

    @Test
    void aMachineFoundInTheListRunsAndItsPageTurnsSucceededWithoutAReload() throws Exception {
        driver.get(ConsoleServerTest.server.endpoint() + "/"); // a browser at the endpoint is sent to the console
        driver.findElement(By.cssSelector("input[name=q]")).sendKeys("watch\n");
        wait.until(ExpectedConditions.urlContains("q=watch"));
        assertThat(driver.findElements(By.cssSelector("#machines tbody tr"))).hasSize(1);
        driver.findElement(By.linkText("watched")).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start")));
        WebElement input = form.findElement(By.name("input"));
        input.clear();
        input.sendKeys("{\"who\": \"browser <img src=x onerror=window.__injected=1>\"}");
        shot("machine-page");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("execution")));
        assertThat(driver.findElement(By.id("execution")).getAttribute("data-status")).isEqualTo("RUNNING");
        js("window.__samePage = true");
        wait.until(d -> stateClass("Pause").contains("st-running"));
        shot("running");
        wait.withTimeout(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "SUCCEEDED"));
        assertThat(js("return window.__samePage === true")).as("the page was not reloaded").isEqualTo(true);
        wait.until(d -> stateClass("Shout").contains("st-succeeded"));
        assertThat(stateClass("Fan")).contains("st-caught");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "Duration"));

        click("Shout");
        WebElement details = driver.findElement(By.id("details"));
        wait.until(ExpectedConditions.textToBePresentInElement(details, "Output"));
        assertThat(details.getText()).contains("Shout").contains("\"greeting\": \"hello browser <img src=x onerror=window.__injected=1>\"")
                .contains("Variables assigned").contains("\"loud\": true");
        assertThat(details.findElements(By.tagName("img"))).as("state data is text, never HTML").isEmpty();
        assertThat(js("return window.__injected === undefined")).isEqualTo(true);
        click("Boom");
        wait.until(ExpectedConditions.textToBePresentInElement(details, "it broke"));
        assertThat(details.findElement(By.cssSelector(".failure")).getText()).isEqualTo("Boom: it broke");
        assertThat(stateClass("Boom")).contains("st-failed");

        wait.until(d -> d.findElements(By.cssSelector("#timeline svg.gantt g.lane")).size() >= 5);
        String lanes = driver.findElement(By.id("timeline")).getText();
        assertThat(lanes).contains("Pause").contains("Fan branch 1 › Quick").contains("Fan branch 2 › Boom").contains("Shout");
        assertThat(driver.findElements(By.cssSelector("#timeline rect.bar-failed"))).isNotEmpty();
        click("Fan");
        WebElement second = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'branches')]/button[.='branch 2']")));
        second.click();
        wait.until(d -> second.getAttribute("class").contains("chosen"));
        assertThat(stateClass("Boom")).contains("st-failed");
        List<WebElement> shown = driver.findElements(By.cssSelector("#events tbody tr:not(.hidden)"));
        assertThat(shown).isNotEmpty().allSatisfy(tr -> assertThat(tr.getAttribute("data-state")).isEqualTo("Boom"));
        shot("branch-2");
    }

    @Test
    void steppingThroughAFinishedRunRecoloursTheGraph() throws Exception {
        String arn = ConsoleServerTest.startAndWait("flow", "stepped-in-a-browser", "{\"n\": 3, \"items\": [1]}");
        driver.get(ConsoleServerTest.server.endpoint() + "/_stride/console/execution?arn=" + ConsoleServerTest.enc(arn));
        wait.until(d -> js("return document.querySelectorAll('#events tbody tr').length > 0 && document.getElementById('execution').dataset.picture === 'loaded'"));
        click("Check");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "Re-run from"));
        assertThat(driver.findElement(By.cssSelector("#details textarea")).getAttribute("value")).contains("\"n\": 3");
        js("var s = document.getElementById('step'); s.value = 2; s.dispatchEvent(new Event('input'))");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("step-label"), "after event 2"));
        wait.until(d -> stateClass("Each").contains("st-notreached"));
        assertThat(stateClass("Check")).contains("st-running");
    }

    static void click(String state) {
        driver.findElement(By.cssSelector("g.node[data-state=\"" + state + "\"]")).click();
    }

    static String stateClass(String state) {
        String c = driver.findElement(By.cssSelector("g.node[data-state=\"" + state + "\"]")).getAttribute("class");
        return c == null ? "" : c;
    }

    static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
