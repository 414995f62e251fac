namespace Consultancy.Infrastructure.Hosting;

/// <summary>
/// The <c>DataProtection</c> section: where the keys that protect sign-in cookies and emailed links are kept on SQLite
/// (on PostgreSQL they live in the database). Relative to the content root.
/// </summary>
public sealed class DataProtectionKeysOptions
{
    public const string Section = "DataProtection";

    public string KeysDirectory { get; set; } = "App_Data/keys";
}
