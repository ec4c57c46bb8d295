package nl.ketenpoort.gateway.metrics.internal;

import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.ketenpoort.consent.ConsentChecks;
import nl.ketenpoort.consent.ConsentDecision;
import nl.ketenpoort.gateway.audit.AuditTrail;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.NameMatchMethodPointcut;
import org.springframework.aop.support.RootClassFilter;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Measures two calls that publish no event of their own, consent checks (by outcome) and
 * audit appends (latency), by advising the beans that make them, so that neither the
 * consent registry nor the audit module needs to know about metrics. The advice runs
 * inside any proxy the bean already has (the audit trail's transaction), so an append is
 * timed up to, not including, its commit.
 */
class MeteredCalls extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	private static final Set<String> CONSENT_CHECKS = Set.of("check", "checkStatement", "recheck");

	private static final Set<String> AUDIT_APPENDS = Set.of("append", "appendIndependently");

	MeteredCalls(ObjectProvider<MeterRegistry> meters) {
		this.advisor = new DefaultPointcutAdvisor(
				methods(ConsentChecks.class, CONSENT_CHECKS).union((Pointcut) methods(AuditTrail.class, AUDIT_APPENDS)),
				new Measure(meters));
		// Inside existing advisors: the audit trail's transaction stays the outermost.
		setBeforeExistingAdvisors(false);
		setProxyTargetClass(true);
	}

	private static ComposablePointcut methods(Class<?> type, Set<String> names) {
		NameMatchMethodPointcut methods = new NameMatchMethodPointcut();
		methods.setMappedNames(names.toArray(String[]::new));
		return new ComposablePointcut(new RootClassFilter(type), methods);
	}

	/** Counts a consent decision or times an append. */
	private static final class Measure implements MethodInterceptor {

		private final ObjectProvider<MeterRegistry> meters;

		Measure(ObjectProvider<MeterRegistry> meters) {
			this.meters = meters;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			MeterRegistry registry = this.meters.getObject();
			if (invocation.getThis() instanceof AuditTrail) {
				Timer.Sample sample = Timer.start(registry);
				try {
					return invocation.proceed();
				}
				finally {
					sample.stop(Timer.builder("ketenpoort.audit.append")
						.description("Appending one event to the audit chain, lock wait included")
						.publishPercentileHistogram()
						.register(registry));
				}
			}
			Object decision = invocation.proceed();
			String stage = invocation.getMethod().getName().equals("recheck") ? "delivery"
					: invocation.getMethod().getName().equals("checkStatement") ? "statement" : "acceptance";
			Counter.builder("ketenpoort.consent.checks")
				.description("Consent checks by outcome")
				.tag("stage", stage)
				.tag("outcome", (decision instanceof ConsentDecision.Allowed) ? "allowed" : "denied")
				.tag("reason", (decision instanceof ConsentDecision.Denied denied) ? denied.reason().name() : "none")
				.register(registry)
				.increment();
			return decision;
		}

	}

}
