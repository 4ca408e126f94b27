namespace MakerShop.Printers.Moonraker;

/// <summary>Which of Moonraker's endpoints answered: the same status code means different things on different ones.</summary>
internal enum MoonrakerEndpoint
{
    /// <summary><c>/server/files/upload</c>: 403 is Moonraker's "File is loaded, upload not permitted".</summary>
    Upload,

    /// <summary><c>/printer/print/*</c>: 400 is Klipper refusing in the print's state ("SD busy").</summary>
    PrintControl,

    EmergencyStop,

    /// <summary><c>/printer/gcode/script</c>: 400 is Klipper refusing the G-code.</summary>
    Gcode,

    /// <summary><c>DELETE /server/files/gcodes/…</c>: 403 is Moonraker's "File is loaded, DELETE not permitted".</summary>
    FileDelete,
}
