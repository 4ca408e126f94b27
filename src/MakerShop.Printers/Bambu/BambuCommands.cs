using System.Text.Json.Nodes;

namespace MakerShop.Printers.Bambu;

/// <summary>The request payloads the shop sends a Bambu Lab printer, in the shapes working LAN clients send.</summary>
public static class BambuCommands
{
    /// <summary>Serial prefixes of the H2 family, whose firmware takes <c>ftp:///</c> file URLs; older models read <c>file:///sdcard/</c>.</summary>
    private static readonly string[] FtpUrlSerialPrefixes = ["094"];

    public static JsonObject Control(string command, string sequenceId) =>
        new() { ["print"] = new JsonObject { ["sequence_id"] = sequenceId, ["command"] = command, ["param"] = "" } };

    /// <summary>
    /// Prints <paramref name="package"/> from the printer's storage. The ids are one unique number below 2^31 (firmware
    /// clamps larger ones and takes a repeated id for the last job); <c>md5</c> stays empty, which the firmware reads as
    /// "do not check" (a wrong digest turns checking on); <c>subtask_name</c> is the shop's job file name, which the
    /// printer reports back and so names the job it holds. With an AMS tray the one filament of the file is mapped to
    /// it (<c>use_ams</c>); without one the printer feeds from its external spool.
    /// </summary>
    public static JsonObject ProjectFile(string sequenceId, BambuJobPackage package, string serial, string subtaskName, int taskId, int? amsTray = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(serial);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(taskId);
        var id = taskId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["print"] = new JsonObject
            {
                ["sequence_id"] = sequenceId,
                ["command"] = "project_file",
                ["param"] = package.PlatePath,
                ["url"] = UrlOf(serial, package.FileName),
                ["file"] = package.FileName,
                ["md5"] = "",
                ["bed_type"] = "auto",
                ["timelapse"] = false,
                ["bed_leveling"] = true,
                ["auto_bed_leveling"] = 1,
                ["flow_cali"] = false,
                ["vibration_cali"] = true,
                ["layer_inspect"] = false,
                ["use_ams"] = amsTray is not null,
                ["ams_mapping"] = amsTray is { } tray ? new JsonArray(tray) : new JsonArray(),
                ["cfg"] = "0",
                ["subtask_name"] = subtaskName,
                ["profile_id"] = "0",
                ["project_id"] = id,
                ["subtask_id"] = id,
                ["task_id"] = id,
            },
        };
    }

    public static string UrlOf(string serial, string fileName)
    {
        ArgumentNullException.ThrowIfNull(serial);
        return FtpUrlSerialPrefixes.Any(p => serial.StartsWith(p, StringComparison.Ordinal)) ? "ftp:///" + fileName : "file:///sdcard/" + fileName;
    }
}
