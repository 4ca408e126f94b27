using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// The words of a notification in English or French, for one event or a grouped burst. Kept here, not in the web
/// resources, because messages are composed by the worker for a person's saved language, outside any page request.
/// </summary>
public static class NotificationWording
{
    public static NotificationMessage Compose(NotificationBatch batch, string language)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var fr = language == "fr";
        var n = batch.Count;
        var subject = batch.SubjectLabel;
        var title = (batch.Topic, fr) switch
        {
            (NotificationTopic.PrintFailed, false) => n == 1 ? $"A print failed on {subject}" : $"{n} prints failed on {subject}",
            (NotificationTopic.PrintFailed, true) => n == 1 ? $"Une impression a échoué sur {subject}" : $"{n} impressions ont échoué sur {subject}",
            (NotificationTopic.BedNeedsClearing, false) => $"{subject} needs its bed cleared" + Times(n, fr),
            (NotificationTopic.BedNeedsClearing, true) => $"Le plateau de {subject} doit être dégagé" + Times(n, fr),
            (NotificationTopic.PrinterOfflineMidPrint, false) => $"{subject} went offline during a print" + Times(n, fr),
            (NotificationTopic.PrinterOfflineMidPrint, true) => $"{subject} s'est déconnectée pendant une impression" + Times(n, fr),
            (NotificationTopic.PaymentArrived, false) => n == 1 ? $"Payment arrived for {subject}" : $"{n} payments arrived for {subject}",
            (NotificationTopic.PaymentArrived, true) => n == 1 ? $"Paiement reçu pour {subject}" : $"{n} paiements reçus pour {subject}",
            (NotificationTopic.ParcelException, false) => $"The parcel of {subject} has a problem" + Times(n, fr),
            (NotificationTopic.ParcelException, true) => $"Le colis de {subject} a un problème" + Times(n, fr),
            _ => subject,
        };
        var when = batch.FirstAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var body = batch.LastDetail is { Length: > 0 } detail
            ? (fr ? $"{title} ({when}). {(n > 1 ? "Dernier motif" : "Motif")} : {detail}" : $"{title} ({when}). {(n > 1 ? "Last reason" : "Reason")}: {detail}")
            : $"{title} ({when}).";
        return new NotificationMessage(title, body);
    }

    private static string Times(int count, bool fr) => count == 1 ? "" : fr ? $" ({count} fois)" : $" ({count} times)";
}
