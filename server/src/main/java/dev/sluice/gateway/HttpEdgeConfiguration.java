package dev.sluice.gateway;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The servlet container's part of the HTTP edge: its own error answers carry the POP envelope too. */
@Configuration(proxyBeanMethods = false)
class HttpEdgeConfiguration {

    @Bean
    PopErrorReports popErrorReports(GatewaySettings settings) {
        return new PopErrorReports(new Envelopes(settings.hostId()));
    }

    /** Runs after Spring Boot's own Tomcat customizer, which adds Tomcat's valve this one replaces. */
    record PopErrorReports(Envelopes envelopes) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> useOnHost(context.getParent(), new PopErrorReportValve(envelopes)));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * Spring Boot puts a Tomcat ErrorReportValve on the host (and the host would add one at start if none of its
     * configured class were there): replace whichever is there, and name ours as the host's class so none is added.
     */
    private static void useOnHost(Container host, PopErrorReportValve valve) {
        for (Valve existing : host.getPipeline().getValves()) {
            if (existing instanceof ErrorReportValve) host.getPipeline().removeValve(existing);
        }
        if (host instanceof StandardHost standard) standard.setErrorReportValveClass(PopErrorReportValve.class.getName());
        host.getPipeline().addValve(valve);
    }
}
