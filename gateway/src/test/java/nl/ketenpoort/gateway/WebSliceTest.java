package nl.ketenpoort.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import nl.ketenpoort.gateway.identity.UpstreamProviders;
import nl.ketenpoort.gateway.problem.ProblemResponses;
import nl.ketenpoort.gateway.system.KetenpoortSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A Spring MVC slice of the gateway without a database: the named controllers with every
 * controller advice, converter and filter of the gateway (trace id, request size), but no
 * security, which {@code AccessMatrixIntegrationTests} covers on the running gateway.
 * <p>
 * The login page's advice needs the upstream providers, so every slice gets them as a
 * mock (no provider buttons); the filters need the gateway's settings (a slice does not
 * scan for configuration properties) and answer with {@link ProblemResponses}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({ ProblemResponses.class, WebSliceTest.Settings.class })
@MockitoBean(types = UpstreamProviders.class)
public @interface WebSliceTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

	/** Properties for the slice, in {@code key=value} form. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "properties")
	String[] properties() default {};

	/**
	 * The settings the gateway's filters read; a plain class, imported by the slices only
	 * and never found by the component scan of other tests' contexts.
	 */
	@EnableConfigurationProperties(KetenpoortSettings.class)
	class Settings {

	}

}
