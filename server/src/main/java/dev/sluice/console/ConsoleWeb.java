package dev.sluice.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A password that was issued by someone else (first start, operator) must be replaced before anything else. */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebMvcConfigurer {

    static final String CHANGE_PASSWORD = "/console/password";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                var authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser me && me.mustChangePassword()) {
                    response.sendRedirect(CHANGE_PASSWORD);
                    return false;
                }
                return true;
            }
        }).addPathPatterns("/console", "/console/**")
                .excludePathPatterns(CHANGE_PASSWORD, "/console/signin", "/console/signout", "/console/assets/**");
    }
}
