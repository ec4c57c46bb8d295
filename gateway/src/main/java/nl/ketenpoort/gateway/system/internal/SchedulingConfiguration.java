package nl.ketenpoort.gateway.system.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work (audit checkpoints, delivery, purge, expiry) runs on the gateway's
 * scheduler; the command-line mode switches it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ketenpoort.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

}
