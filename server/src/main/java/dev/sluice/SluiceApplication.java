package dev.sluice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.sluice.admin.AdminCli;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SluiceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCli.run(SluiceApplication.class, java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(SluiceApplication.class, args);
    }
}
