package dev.animetracker.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, at 1280×900 with a fresh profile, driven by its chromedriver: the
 * browser every browser test uses. Fails with the install command when either is missing.
 */
public final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** The browser with Chromium's own language (English here). */
  public static ChromeDriver start() throws IOException {
    return start(null);
  }

  /**
   * The browser sending this {@code Accept-Language} (e.g. {@code "ru-RU,ru"}), which picks a first
   * visit's page language; null keeps Chromium's own.
   */
  public static ChromeDriver start(String acceptLanguages) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium"
              + " chromium-driver (make test and .ci/run install them).");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    if (acceptLanguages != null) {
      options.addArguments("--lang=" + acceptLanguages.split(",")[0]);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }
}
