package nl.ketenpoort.gateway.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Debian chromium for a test class, driven by Debian's chromedriver: never a
 * downloaded browser. Without chromium the tests fail when {@code CI=true} and are
 * skipped otherwise. Offers screenshots under {@code target/screenshots} and an axe-core
 * check of the page shown.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AXE_SOURCE = axeSource();

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private Browser(ChromeDriver driver, Path profile, String base) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
	}

	/** Starts chromium, or skips or fails the tests as described on the class. */
	static Browser start(int port) {
		requireChromium();
		try {
			Path profile = Files.createTempDirectory("ketenpoort-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--lang=nl", "--user-data-dir=" + profile);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			driver.manage().window().setSize(new Dimension(1280, 1000));
			return new Browser(driver, profile, "http://127.0.0.1:" + port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireChromium() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (installed) {
			return;
		}
		String message = "Browser tests need Debian's chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
				+ ": apt-get install -y chromium chromium-driver (.ci/run does this)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(message);
		}
		Assumptions.abort(message + "; skipped because CI is not set");
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String path) {
		this.driver.get(this.base + path);
	}

	WebElement find(By by) {
		return this.driver.findElement(by);
	}

	List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/** Logs in with the login form, as a new visitor (no cookies from earlier tests). */
	void logIn(String username, String password) {
		this.driver.manage().deleteAllCookies();
		open("/login");
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys(password);
		clickAndWait(find(By.cssSelector("button[type=submit]")));
	}

	/** Clicks a link or button and waits until the next page has replaced this one. */
	void clickAndWait(WebElement element) {
		WebElement page = find(By.tagName("html"));
		element.click();
		waitForNextPage(page);
	}

	/** Presses a key where the focus is and waits for the page it leads to. */
	void pressAndWait(CharSequence key) {
		WebElement page = find(By.tagName("html"));
		press(key);
		waitForNextPage(page);
	}

	private void waitForNextPage(WebElement page) {
		// The old page is gone once its root element is stale; chromium sometimes says so
		// as "Node with given id does not belong to the document" instead of a stale
		// element reference, which means the same.
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until((driver) -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	String htmlAttribute(String name) {
		return find(By.tagName("html")).getAttribute(name);
	}

	/** Saves a screenshot of the page shown as {@code target/screenshots/<name>.png}. */
	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path shot = this.driver.getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page shown and fails on any
	 * serious or critical violation, naming the rule and the elements.
	 */
	void assertAccessible(String pageName) {
		JavascriptExecutor js = this.driver;
		js.executeScript(AXE_SOURCE);
		Object result = js.executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
								resultTypes: ['violations'] })
							.then((results) => done(JSON.stringify(results.violations)))
							.catch((error) => done('axe failed: ' + error));""");
		String json = String.valueOf(result);
		assertThat(json).as("axe-core on " + pageName).doesNotStartWith("axe failed");
		List<String> grave = new ArrayList<>();
		for (JsonNode violation : JSON.readTree(json).values()) {
			String impact = violation.path("impact").asString("");
			if ("serious".equals(impact) || "critical".equals(impact)) {
				List<String> targets = new ArrayList<>();
				violation.path("nodes").values().forEach((node) -> targets.add(node.path("target").toString()));
				grave.add(impact + " " + violation.path("id").asString() + " (" + violation.path("help").asString()
						+ ") at " + targets);
			}
		}
		assertThat(grave).as("serious or critical axe-core violations on " + pageName).isEmpty();
	}

	/** Shows the page as at 200% zoom on a 1280 pixel wide screen. */
	void zoomTo200Percent() {
		this.driver.manage().window().setSize(new Dimension(640, 900));
	}

	void zoomTo100Percent() {
		this.driver.manage().window().setSize(new Dimension(1280, 1000));
	}

	/** Whether the page needs horizontal scrolling (content wider than the window). */
	boolean scrollsSideways() {
		Object overflow = this.driver
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
		return Boolean.TRUE.equals(overflow);
	}

	/** Presses a key where the focus is, as a keyboard user would. */
	void press(CharSequence key) {
		new Actions(this.driver).sendKeys(key).perform();
	}

	Map<String, Object> activeElement() {
		@SuppressWarnings("unchecked")
		Map<String, Object> active = (Map<String, Object>) this.driver.executeScript(
				"const e = document.activeElement; return { tag: e.tagName, id: e.id || '', cls: e.className || '',"
						+ " href: e.getAttribute('href') || '' };");
		return active;
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary profile is harmless.
		}
	}

	private static String axeSource() {
		try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js (the axe-core npm package) is not on the test classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
