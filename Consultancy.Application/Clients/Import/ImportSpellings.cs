using Consultancy.Application.Common.Mapping;
using Consultancy.Application.Domain;

namespace Consultancy.Application.Clients.Import;

/// <summary>
/// The spellings an import file may use in its choice columns (clients and programs): every value's name as the pages
/// show it, its code name, and the other ways spreadsheets commonly write it ("ERAS", "Passed", "CARMS"). Only letters
/// and digits count, in any case, so "Call booked", "CallBooked" and "call-booked" are one, as are "ERAS/NRMP" and "ERAS-NRMP".
/// </summary>
internal static class ImportSpellings
{
    /// <summary>What people write besides the name the pages show and the code name.</summary>
    private static readonly Dictionary<Enum, string[]> Aliases = new()
    {
        [TargetSystem.ErasNrmp] = ["ERAS", "NRMP"],
        [TargetSystem.Both] = ["both", "ERAS and CaRMS"],
        [ProgramSystem.ErasNrmp] = ["ERAS", "NRMP"],
        [ExamResult.NotTaken] = ["none", "not yet"],
        [ExamResult.Scheduled] = ["booked"],
        [ExamResult.Pass] = ["passed", "P"],
        [ExamResult.Fail] = ["failed", "F"],
        [VisaNeed.None] = ["none", "citizen", "permanent resident"],
        [VisaNeed.J1OrH1B] = ["either"],
        [ProgramType.University] = ["university-based"],
        [ProgramType.CommunityUniversityAffiliated] = ["university-affiliated"],
        [VisaSponsorship.Both] = ["both", "J-1 or H-1B"],
        [ClinicalExperienceRequirement.NotRequired] = ["no", "none"],
        [EcfmgStatus.NotApplicable] = ["N/A"],
    };

    public const string YesNoSpellings = "Yes or No (also Y/N, True/False, 1/0)";
    private static readonly string[] Yes = ["yes", "y", "true", "1"];
    private static readonly string[] No = ["no", "n", "false", "0"];

    /// <summary>The value a cell names, or false when it names none (an empty cell names none).</summary>
    public static bool TryRead<T>(string cell, out T value) where T : struct, Enum =>
        Spellings<T>.ByKey.TryGetValue(Key(cell), out value);

    /// <summary>The values as the pages name them, for a message: "Not taken; Scheduled; Pass; Fail".</summary>
    public static string Names<T>() where T : struct, Enum => string.Join("; ", Enum.GetValues<T>().Select(v => v.DisplayName()));

    /// <summary>The values with their other spellings, for a column's description: "Pass (or passed, P); Fail (or failed, F)".</summary>
    public static string NamesWithAliases<T>() where T : struct, Enum =>
        string.Join("; ", Enum.GetValues<T>().Select(v => AliasesOf(v) is { Length: > 0 } aliases ? $"{v.DisplayName()} (or {string.Join(", ", aliases)})" : v.DisplayName()));

    /// <summary>Yes or no as a cell writes it (yes/no, y/n, true/false, 1/0), null when the cell is empty; false when it is neither.</summary>
    public static bool TryReadYesNo(string cell, out bool? value)
    {
        var key = Key(cell);
        value = Yes.Contains(key) ? true : No.Contains(key) ? false : null;
        return value is not null || cell.Trim().Length == 0;
    }

    private static string[] AliasesOf(Enum value) => Aliases.GetValueOrDefault(value) ?? [];

    private static string Key(string spelling) => string.Concat(spelling.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>Every spelling of every value of <typeparamref name="T"/>, built once; two values spelt alike would be a mistake in the table.</summary>
    private static class Spellings<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByKey = Build();

        private static Dictionary<string, T> Build()
        {
            var byKey = new Dictionary<string, T>();
            foreach (var value in Enum.GetValues<T>())
                foreach (var spelling in AliasesOf(value).Append(value.DisplayName()).Append(value.ToString()))
                    if (!byKey.TryAdd(Key(spelling), value) && !byKey[Key(spelling)].Equals(value))
                        throw new InvalidOperationException($"“{spelling}” names both {byKey[Key(spelling)]} and {value} of {typeof(T).Name}.");
            return byKey;
        }
    }
}
