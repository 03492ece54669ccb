package dev.sluice.dispatch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/** Marks the handler of one operation, named exactly as on the wire. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface Action {

    /** The action name; also the handler's bean name, unique because action names are. */
    @AliasFor(annotation = Component.class)
    String value();
}
