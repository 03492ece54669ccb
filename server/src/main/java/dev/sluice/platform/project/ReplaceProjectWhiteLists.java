package dev.sluice.platform.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/**
 * Replaces the whole whitelist (an empty list clears it). The contract names no rule; the whitelist opens the
 * project's network reach, so its administrators (in any environment) or tenant administrators may change it.
 */
@Action("ReplaceProjectWhiteLists")
final class ReplaceProjectWhiteLists implements OperationHandler<ReplaceProjectWhiteLists.Request, Void> {

    static final int MAX_ENTRIES = 200;
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?");
    private static final Pattern PORT = Pattern.compile("(\\d{1,5})(-(\\d{1,5}))?");

    record Request(long id, Command replaceCommand) {
    }

    record Command(List<Entry> whiteLists) {
    }

    record Entry(String ip, String port, String description) {
    }

    private final Administrators admins;
    private final WhiteListStore store;

    ReplaceProjectWhiteLists(Administrators admins, WhiteListStore store) {
        this.admins = admins;
        this.store = store;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        Project project = admins.requireProjectAdminAnywhere(caller, request.id());
        List<Entry> given = request.replaceCommand().whiteLists();
        if (given.size() > MAX_ENTRIES) {
            throw PopErrors.invalidParameter("ReplaceCommand.WhiteLists", "at most " + MAX_ENTRIES + " entries, got " + given.size()).exception();
        }
        List<WhiteListStore.Entry> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "ReplaceCommand.WhiteLists[" + i + "]";
            String ip = given.get(i).ip().trim();
            String port = given.get(i).port().trim();
            if (!IPV4.matcher(ip).matches() && !ipv6(ip)) {
                throw PopErrors.invalidParameter(at + ".Ip", "expected an IPv4 or IPv6 address, optionally with a /prefix, got '" + ip + "'").exception();
            }
            if (!validPort(port)) throw PopErrors.invalidParameter(at + ".Port", "expected a port 1-65535 or a range like 8000-8080, got '" + port + "'").exception();
            if (!seen.add(ip + " " + port)) throw PopErrors.invalidParameter(at, ip + " port " + port + " is listed twice").exception();
            String description = given.get(i).description();
            if (description != null && description.length() > 256) throw PopErrors.invalidParameter(at + ".Description", "at most 256 characters").exception();
            checked.add(new WhiteListStore.Entry(ip, port, description));
        }
        store.replace(project.id(), checked);
        return null;
    }

    /** An IPv6 literal, optionally with a prefix; a literal is parsed without any name lookup. */
    private static boolean ipv6(String ip) {
        if (ip.length() > 43 || !IPV6.matcher(ip).matches()) return false;
        try {
            return java.net.InetAddress.getByName(ip.split("/")[0]) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean validPort(String port) {
        var m = PORT.matcher(port);
        if (!m.matches()) return false;
        int from = Integer.parseInt(m.group(1));
        int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
        return from >= 1 && to <= 65535 && from <= to;
    }
}
