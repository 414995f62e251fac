using System.ComponentModel.DataAnnotations;

namespace Consultancy.Application.Domain;

/// <summary>
/// A fact of the client's profile that already meets a playbook step (say, "Confirm Step 1 and Step 2 CK are
/// reported to ECFMG" once ECFMG certification is granted): the step is then planned done, with no reminders.
/// </summary>
public enum ProfileCondition
{
    [Display(Name = "Never (always planned open)")] None = 0,
    [Display(Name = "ECFMG certified")] EcfmgCertified = 1,
    [Display(Name = "USMLE Step 1 passed")] Step1Passed = 2,
    [Display(Name = "Step 2 CK score recorded")] Step2CkScored = 3,
    [Display(Name = "USMLE Step 3 passed")] Step3Passed = 4,
    [Display(Name = "OET Medicine passed")] OetPassed = 5,
    [Display(Name = "MCCQE Part I passed")] Mccqe1Passed = 6,
    [Display(Name = "NAC OSCE passed")] NacOscePassed = 7,
}

public static class ProfileConditions
{
    public static bool IsMetBy(this ProfileCondition condition, Client client) => condition switch
    {
        ProfileCondition.EcfmgCertified => client.EcfmgStatus == EcfmgStatus.Certified,
        ProfileCondition.Step1Passed => client.Step1Result == ExamResult.Pass,
        ProfileCondition.Step2CkScored => client.Step2CkScore is not null,
        ProfileCondition.Step3Passed => client.Step3Result == ExamResult.Pass,
        ProfileCondition.OetPassed => client.OetResult == ExamResult.Pass,
        ProfileCondition.Mccqe1Passed => client.Mccqe1Result == ExamResult.Pass,
        ProfileCondition.NacOscePassed => client.NacOsceResult == ExamResult.Pass,
        _ => false,
    };
}
