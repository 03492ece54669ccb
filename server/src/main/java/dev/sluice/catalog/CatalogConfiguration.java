package dev.sluice.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the catalog and the request binder as beans; both are stateless after construction. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog() {
        return Catalog.load();
    }

    @Bean
    RequestBinder requestBinder() {
        return new RequestBinder();
    }
}
