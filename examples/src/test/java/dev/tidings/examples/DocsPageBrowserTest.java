package dev.tidings.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Health;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.worker.internal.DocsRoutes;
import dev.tidings.worker.internal.HttpPort;
import dev.tidings.ingress.TidingsHttpServer;
import dev.tidings.worker.internal.Metrics;
import dev.tidings.worker.internal.asyncapi.AsyncApi;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The worker's {@code /docs} page of the example shop in a real headless browser (Debian's
 * chromium and its driver, which {@code .ci/run} installs): it loads, lists every stream of the
 * shop, and a screenshot is written to {@code target/docs-page.png}. Without the browser the test is
 * skipped, except where {@code TIDINGS_REQUIRE_BROWSER} is set ({@code .ci/run} sets it), where it
 * fails.
 */
class DocsPageBrowserTest {
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  @Test
  void theDocsPageLoadsAndListsEveryStreamOfTheShop() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (System.getenv("TIDINGS_REQUIRE_BROWSER") != null) {
      assertTrue(present, "no browser at " + CHROMIUM + " and " + DRIVER
          + ": apt-get install chromium chromium-driver (or set CHROMIUM and CHROMEDRIVER)");
    }
    Assumptions.assumeTrue(present, "no headless browser here (apt-get install chromium chromium-driver)");
    Router router = Router.discover();
    TreeSet<String> streams = new TreeSet<>();
    for (SchemaDefinition<?> s : router.schemas().values()) {
      streams.addAll(s.streams());
    }
    router.subscriptions().forEach(s -> {
      if (s.pattern() != null) {
        streams.add(s.pattern());
      } else {
        streams.addAll(s.streams());
      }
    });
    var document = AsyncApi.document(new AsyncApi.Input("shop", "1.0.0", "127.0.0.1:9092", Map.of(), "shop.", router));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,2400");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    try (TidingsHttpServer http = HttpPort.start(0, () -> new Health(true, true, List.of()), new Metrics(),
        server -> DocsRoutes.addTo(server, DocsRoutes.of(document)))) {
      ChromeDriver driver = new ChromeDriver(service, options);
      try {
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.get("http://127.0.0.1:" + http.port() + "/docs");
        assertEquals("shop – Tidings", driver.getTitle());
        String text = driver.findElement(By.tagName("body")).getText();
        for (String stream : streams) {
          assertTrue(text.contains("shop." + stream), () -> "the page lacks stream " + stream);
        }
        List<WebElement> schemas = driver.findElements(By.cssSelector("section.schema h3"));
        assertEquals(router.schemas().size() + 1, schemas.size(), "one section per schema, and dead letters");
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "docs-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000, "a screenshot of " + Files.size(target) + " bytes");
      } finally {
        driver.quit();
      }
    }
  }
}
