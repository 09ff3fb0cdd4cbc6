#include "wallcli.h"

#include "api/tokenstore.h"
#include "apiservice.h"
#include "cli.h"
#include "runtime.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLockFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScreen>
#include <QSysInfo>
#include <QThread>

#include <cerrno>
#include <csignal>

namespace hb::wall {

namespace {

const QString kWall = QStringLiteral("wall");
const QString kConnect = QStringLiteral("connect");
const QString kTokenFile = QStringLiteral("token-file");
const QString kScreen = QStringLiteral("screen");

QString tr(const char *text)
{
    return QCoreApplication::translate("hb::wall", text);
}

// A token is one line of printable ASCII ("hb_" + base64url); anything else in the file is a
// mistake the user should hear about rather than a refusal from the server later.
std::optional<QByteArray> readToken(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read the token file (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray token = file.read(4096).trimmed();
    static const QRegularExpression printable(QStringLiteral("^[\\x21-\\x7e]{1,1024}$"));
    if (!printable.match(QString::fromLatin1(token)).hasMatch()) {
        *error = tr("%1: not a token (expected one line, as `heartbeatd token create` prints it)")
                     .arg(path);
        return std::nullopt;
    }
    return token;
}

// The wall's own viewer token on a directory it may write: made once, kept in DATA/wall.token
// (mode 0600) and listed by `heartbeatd token list` like any other, so it can be revoked.
std::optional<QByteArray> makeLocalToken(const QString &dataDir, QString *error)
{
    TokenStore store(dataDir);
    QString problem;
    if (!store.reloadIfChanged(&problem)) {
        *error = problem;
        return std::nullopt;
    }
    QString host = QSysInfo::machineHostName();
    host.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("-"));
    QString name = QString(QStringLiteral("wall-") + host).left(52);
    for (const TokenInfo &info : store.list()) {
        if (info.name == name) { // an earlier wall.token was lost: a new name, the old stays listed
            name += u'-' + QString::number(QRandomGenerator::system()->bounded(0x10000), 16);
            break;
        }
    }
    const std::optional<QByteArray> secret = store.create(name, Role::Viewer, &problem);
    if (!secret) {
        *error = problem;
        return std::nullopt;
    }
    QSaveFile file(dataDir + QStringLiteral("/wall.token"));
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(*secret + '\n') < 0 || !file.commit()) {
        *error = tr("%1: cannot write (%2)").arg(file.fileName(), file.errorString());
        store.revoke(name, nullptr);
        return std::nullopt;
    }
    cli::printError(tr("made the viewer token '%1' for the wall (%2)").arg(name, file.fileName()));
    // The server re-reads tokens.json about once a second: a wall that asked at once would
    // flash "not authorised" on its very first start.
    QThread::msleep(1'200);
    return secret;
}

} // namespace

void addOptions(QCommandLineParser &parser)
{
    parser.addOption({kWall, QCoreApplication::translate(
                                 "main", "Show the wall display: full screen, read-only, large "
                                         "type (README \"Wall display\").")});
    parser.addOption({kConnect,
                      QCoreApplication::translate("main", "With --wall: the heartbeatd to show "
                                                          "(its http:// or https:// URL)."),
                      QStringLiteral("URL")});
    parser.addOption({kTokenFile,
                      QCoreApplication::translate("main", "With --wall: a file holding a viewer "
                                                          "token for the engine's API."),
                      QStringLiteral("FILE")});
    parser.addOption({kScreen,
                      QCoreApplication::translate("main", "With --wall: the screen to fill "
                                                          "(0 is the first)."),
                      QStringLiteral("N")});
}

bool wanted(const QCommandLineParser &parser)
{
    for (const QString &name : {kWall, kConnect, kTokenFile, kScreen}) {
        if (parser.isSet(name))
            return true;
    }
    return false;
}

bool engineRunsOn(const QString &dataDir)
{
    QLockFile lock(dataDir + QStringLiteral("/engine.lock"));
    qint64 pid = 0;
    QString host, app;
    if (!QFileInfo::exists(lock.fileName()) || !lock.getLockInfo(&pid, &host, &app) || pid <= 0)
        return false;
    if (!host.isEmpty() && host != QSysInfo::machineHostName())
        return false; // a lock left by another machine on a shared disk says nothing about here
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

std::optional<int> plan(const QCommandLineParser &parser, const QString &dataDirOption, Plan *out)
{
    auto fail = [](const QString &message) -> std::optional<int> {
        cli::printError(message);
        return cli::ExitBadInput;
    };
    for (const QString &name : {kConnect, kTokenFile, kScreen}) {
        if (parser.isSet(name) && !parser.isSet(kWall))
            return fail(tr("--%1 needs --wall").arg(name));
    }
    if (parser.isSet(QStringLiteral("open")))
        return fail(tr("--wall and --open cannot be used together"));

    if (parser.isSet(kScreen)) {
        qint64 screen = 0;
        const int last = int(QGuiApplication::screens().size()) - 1;
        if (!cli::readInteger(parser, kScreen, 0, last, &screen))
            return cli::ExitBadInput;
        out->screen = int(screen);
    }

    const QString dataDir =
        dataDirOption.isEmpty() ? EngineRuntime::defaultDataDir() : dataDirOption;
    // The wall's settings come from the directory's config.json when it has one; a bad one is
    // refused as everywhere else (it would be refused by the engine too).
    ConfigFile configFile(dataDir + QStringLiteral("/config.json"));
    if (configFile.exists()) {
        QString error;
        const std::optional<HeartbeatConfig> config = configFile.load(&error);
        if (!config)
            return fail(error);
        out->config = *config;
    }

    QString tokenPath = parser.value(kTokenFile);
    if (parser.isSet(kConnect)) {
        // A URL the wall cannot use is still shown full screen (a wall started at login has no
        // one reading stderr); the source says why.
        out->kind = Plan::Kind::Remote;
        out->url = QUrl(parser.value(kConnect), QUrl::StrictMode);
        if (tokenPath.isEmpty())
            return fail(tr("--connect needs --token-file (a viewer token: heartbeatd token "
                           "create --name wall --role viewer)"));
        QString error;
        const std::optional<QByteArray> token = readToken(tokenPath, &error);
        if (!token)
            return fail(error);
        out->token = *token;
        return std::nullopt;
    }

    if (!QFileInfo(dataDir).isDir())
        return fail(tr("%1: no such data directory (use --data-dir, or --connect URL)").arg(dataDir));
    const QString url = ApiService::discoveredUrl(dataDir);
    if (!url.isEmpty() && engineRunsOn(dataDir)) {
        out->kind = Plan::Kind::Remote;
        out->url = QUrl(url);
        QString error;
        std::optional<QByteArray> token;
        if (tokenPath.isEmpty() && QFileInfo::exists(dataDir + QStringLiteral("/wall.token")))
            tokenPath = dataDir + QStringLiteral("/wall.token");
        token = tokenPath.isEmpty() ? makeLocalToken(dataDir, &error) : readToken(tokenPath, &error);
        if (!token)
            return fail(tr("%1 (create a viewer token with `heartbeatd token create --name wall "
                           "--role viewer` and pass it with --token-file)")
                            .arg(error));
        out->token = *token;
        return std::nullopt;
    }

    out->kind = Plan::Kind::File;
    out->metricsPath = dataDir + QStringLiteral("/metrics.db");
    if (!QFileInfo::exists(out->metricsPath))
        return fail(tr("%1: no engine serves this directory and it holds no metrics.db")
                        .arg(dataDir));
    return std::nullopt;
}

} // namespace hb::wall
