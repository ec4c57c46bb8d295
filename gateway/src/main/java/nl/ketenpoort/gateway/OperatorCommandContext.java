package nl.ketenpoort.gateway;

import nl.ketenpoort.consent.ConsentRegistryConfiguration;
import nl.ketenpoort.keys.KeysConfiguration;
import nl.ketenpoort.schemas.registry.SchemasAutoConfiguration;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The part of the gateway a command starts: the database, transactions, JSON and the
 * feature beans, created lazily so that only those a command uses are built. No web
 * server, security, authorization server, Camel, scheduler, sandbox or demo: their
 * auto-configurations are not imported and their classes not scanned.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
		DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, JacksonAutoConfiguration.class,
		SchemasAutoConfiguration.class, KeysConfiguration.class, ConsentRegistryConfiguration.class })
@ConfigurationPropertiesScan
@ComponentScan(excludeFilters = {
		@Filter(type = FilterType.ASSIGNABLE_TYPE,
				classes = { KetenpoortApplication.class, RouteBuilder.class, jakarta.servlet.Filter.class,
						ApplicationRunner.class, CommandLineRunner.class }),
		@Filter(type = FilterType.ANNOTATION, classes = { Controller.class, ControllerAdvice.class }),
		@Filter(type = FilterType.REGEX, pattern = {
				"nl\\.ketenpoort\\.gateway\\.(sandbox|demo|console|portal|problem)\\..*",
				"nl\\.ketenpoort\\.gateway\\.identity\\.SecurityConfiguration",
				"nl\\.ketenpoort\\.gateway\\.system\\.(OpenApiConfiguration|SchedulingConfiguration|ContainerProblems|ProblemReportValve)" }) })
class OperatorCommandContext {

}
