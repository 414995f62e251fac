namespace Consultancy.Tests.Web;

/// <summary>Form fields of a valid client, as the create and edit pages post them.</summary>
internal static class WebForms
{
    private static int _next;

    public static Dictionary<string, string> NewClient(string firstName, string lastName) => new()
    {
        ["FirstName"] = firstName,
        ["LastName"] = lastName,
        ["Email"] = $"{firstName}.{lastName}.{Interlocked.Increment(ref _next)}@applicant.test".ToLowerInvariant(),
        ["TimeZoneId"] = "Asia/Kolkata",
        ["MedicalSchool"] = "Maulana Azad Medical College",
        ["MedicalSchoolCountry"] = "India",
        ["GraduationYear"] = "2021",
        ["TargetSystem"] = "0",
        ["Season"] = "ERAS 2028",
    };
}
