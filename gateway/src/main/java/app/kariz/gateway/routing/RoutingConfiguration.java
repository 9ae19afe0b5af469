package app.kariz.gateway.routing;

import app.kariz.gateway.GatewayProperties;
import app.kariz.gateway.Service;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One gateway route per public operation in {@link ApiRoutes} that a service answers, to that service, the path
 * unchanged. The gateway's own operations are its controllers' ({@code app.kariz.gateway.identity.web}).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RouteLocator apiRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ApiRoute route : ApiRoutes.v1()) {
            if (route.service() == Service.GATEWAY) {
                continue;
            }
            routes.route(route.id(), spec -> spec
                    .predicate(exchange -> route.matches(exchange.getRequest()))
                    .metadata(Service.ROUTE_METADATA, route.service().serviceName())
                    .uri(properties.uriOf(route.service())));
        }
        return routes.build();
    }
}
