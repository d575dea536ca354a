package dev.stride.cli.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium under Selenium, with the browser and driver the system installed (Debian's
 * {@code chromium} and {@code chromium-driver}; {@code scripts/ensure-chromium.sh} installs both),
 * never one Selenium Manager would download. {@code $STRIDE_CHROMIUM} and
 * {@code $STRIDE_CHROMEDRIVER} point elsewhere. Without them the browser tests are skipped, unless
 * {@code $CI} or {@code $STRIDE_REQUIRE_BROWSER} is set: then they fail.
 */
final class Browser {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {}

    /** Skips (or, where a browser is required, fails) the calling test class when either is missing. */
    static void assumeInstalled() {
        if (binary().isPresent() && driver().isPresent()) return;
        String missing = "chromium and chromium-driver are needed (found browser " + binary().orElse("none") + ", driver "
                + driver().orElse("none") + "); scripts/ensure-chromium.sh installs them";
        if (required()) Assertions.fail(missing + " — failing, not skipping, because CI or STRIDE_REQUIRE_BROWSER is set");
        Assumptions.assumeTrue(false, missing);
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions().setBinary(binary().orElseThrow());
        // --no-sandbox: the tests run as root in CI, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver().orElseThrow()).toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver d = new ChromeDriver(service, options);
        d.manage().window().setSize(new Dimension(1400, 1000));
        return d;
    }

    private static Optional<String> binary() { return find("STRIDE_CHROMIUM", BROWSERS); }

    private static Optional<String> driver() { return find("STRIDE_CHROMEDRIVER", DRIVERS); }

    private static Optional<String> find(String variable, List<String> candidates) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) return Files.isExecutable(Path.of(set)) ? Optional.of(set) : Optional.empty();
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    private static boolean required() {
        for (String v : new String[] {System.getenv("STRIDE_REQUIRE_BROWSER"), System.getenv("CI")}) {
            if (v != null && !v.isEmpty() && !v.equalsIgnoreCase("false") && !v.equals("0")) return true;
        }
        return false;
    }
}
