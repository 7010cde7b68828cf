package com.financetracker.insights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The insights service: category suggestions, unusual-spending alerts and forecasts, learned per person from the
 * expense events on this installation alone.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class InsightsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InsightsServiceApplication.class, args);
    }
}
