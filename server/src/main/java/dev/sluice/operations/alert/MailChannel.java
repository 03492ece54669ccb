package dev.sluice.operations.alert;

import java.util.Properties;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** E-mails an alert through the server set in {@code sluice.alerts.smtp.*}. */
@Component
class MailChannel {

    private final SmtpSettings settings;
    private final JavaMailSenderImpl sender;

    MailChannel(SmtpSettings settings) {
        this.settings = settings;
        this.sender = new JavaMailSenderImpl();
        if (!settings.enabled()) return;
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        Properties props = sender.getJavaMailProperties();
        if (settings.username() != null && !settings.username().isBlank()) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
            props.put("mail.smtp.auth", "true");
        }
        if (settings.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        String millis = String.valueOf(settings.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
    }

    Delivery send(String to, String subject, String body) {
        if (!settings.enabled()) return Delivery.failed("no mail server is set (sluice.alerts.smtp.host)");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
            return Delivery.SENT;
        } catch (MailException e) {
            // the mail server's own words (an auth failure names the user, never the password)
            return Delivery.failed("the mail server refused or could not be reached: " + e.getMessage());
        }
    }
}
