package io.newsroom.devstack;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Chromium for the site's journeys: Debian's {@code chromium} and {@code chromium-driver} (installed with
 * apt-get when missing, never a browser download; Selenium Manager is never asked because both paths are given),
 * axe-core from npm injected into pages, screenshots and performance figures under {@code target/}.
 */
final class SiteBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path TARGET = Path.of("target");
    static final Path SHOTS = TARGET.resolve("site-screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String axeSource;

    final WebDriver driver;
    private final Path profile;

    private SiteBrowser(boolean javascript) {
        ensureInstalled();
        try {
            profile = Files.createTempDirectory("newsroom-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=en-GB");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    static SiteBrowser withJavaScript() {
        return new SiteBrowser(true);
    }

    static SiteBrowser withoutJavaScript() {
        return new SiteBrowser(false);
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** Screenshots of the current page at phone and desktop widths: target/site-screenshots/{name}-{w}x{h}.png */
    List<Path> screenshots(String name) {
        return screenshots(name, null);
    }

    /** The same, scrolled so that the first element matching {@code scrollTo} (a CSS selector) is in view. */
    List<Path> screenshots(String name, String scrollTo) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(SHOTS);
            for (int[] size : new int[][]{{390, 844}, {1280, 800}}) {
                driver.manage().window().setSize(new Dimension(size[0], size[1]));
                if (scrollTo == null) {
                    js().executeScript("window.scrollTo(0, 0)");
                } else {
                    js().executeScript("document.querySelector(arguments[0])?.scrollIntoView({block: 'start'})", scrollTo);
                }
                Thread.sleep(150);
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Path file = SHOTS.resolve(name + "-" + size[0] + "x" + size[1] + ".png");
                Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
                files.add(file);
            }
            driver.manage().window().setSize(new Dimension(1280, 800));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return files;
    }

    /** axe-core's violations on the current page, WCAG 2.x A/AA rules (and best practices). */
    List<JsonNode> axeViolations() {
        js().executeScript(axe());
        String result = (String) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                                   resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e)}])));
                """);
        List<JsonNode> violations = new ArrayList<>();
        JSON.readTree(result).forEach(violations::add);
        return violations;
    }

    /** Serious and critical ones, as "rule: help (n nodes)". */
    List<String> seriousViolations() {
        return axeViolations().stream()
                .filter(v -> List.of("serious", "critical").contains(v.path("impact").asString()))
                .map(v -> v.path("id").asString() + ": " + v.path("help").asString() + " (" + v.path("nodes").size()
                        + " nodes, e.g. " + v.path("nodes").path(0).path("target").toString() + ")")
                .toList();
    }

    /**
     * Largest Contentful Paint and Cumulative Layout Shift of the page just loaded, from PerformanceObserver
     * (buffered entries), and the compressed sizes the browser received for the document and its scripts.
     */
    JsonNode performance() {
        String result = (String) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let lcp = 0, cls = 0;
                new PerformanceObserver(l => { for (const e of l.getEntries()) lcp = Math.max(lcp, e.renderTime || e.loadTime || e.startTime); })
                    .observe({type: 'largest-contentful-paint', buffered: true});
                new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) cls += e.value; })
                    .observe({type: 'layout-shift', buffered: true});
                setTimeout(() => {
                  const nav = performance.getEntriesByType('navigation')[0];
                  const scripts = performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script' || r.name.endsWith('.js'));
                  const css = performance.getEntriesByType('resource').filter(r => r.name.endsWith('.css'));
                  done(JSON.stringify({lcpMs: lcp, cls: cls,
                      htmlTransferBytes: nav.transferSize, htmlEncodedBytes: nav.encodedBodySize, htmlDecodedBytes: nav.decodedBodySize,
                      jsEncodedBytes: scripts.reduce((s, r) => s + r.encodedBodySize, 0),
                      jsDecodedBytes: scripts.reduce((s, r) => s + r.decodedBodySize, 0),
                      cssEncodedBytes: css.reduce((s, r) => s + r.encodedBodySize, 0),
                      responseEndMs: nav.responseEnd, domContentLoadedMs: nav.domContentLoadedEventEnd}));
                }, 1000);
                """);
        return JSON.readTree(result);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory; the OS cleans it eventually
            }
        }
    }

    /** Debian's packages, installed by the test setup when missing (the machine may not have them yet). */
    static synchronized void ensureInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        run(Duration.ofMinutes(5), "apt-get", "update", "-qq");
        run(Duration.ofMinutes(10), "apt-get", "install", "-y", "-qq", "chromium", "chromium-driver");
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("chromium and chromium-driver are needed at " + CHROMIUM + " and " + CHROMEDRIVER);
        }
    }

    /** axe-core from npm (pinned in src/test/axe/package-lock.json), installed under target/ with npm ci. */
    private static synchronized String axe() {
        if (axeSource != null) {
            return axeSource;
        }
        try {
            Path dir = TARGET.resolve("axe");
            Path script = dir.resolve("node_modules/axe-core/axe.min.js");
            if (!Files.exists(script)) {
                Files.createDirectories(dir);
                for (String f : List.of("package.json", "package-lock.json")) {
                    Files.copy(Path.of("src/test/axe").resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
                runIn(dir, Duration.ofMinutes(3), "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error");
            }
            axeSource = Files.readString(script);
            return axeSource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Duration timeout, String... command) {
        runIn(Path.of("."), timeout, command);
    }

    private static void runIn(Path dir, Duration timeout, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(TARGET.resolve("site-setup.log").toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + TARGET.resolve("site-setup.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
