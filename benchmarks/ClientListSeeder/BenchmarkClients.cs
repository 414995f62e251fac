using System.Text;
using Consultancy.Application.Domain;

namespace ClientListSeeder;

/// <summary>
/// Made-up IMG clients, varied enough that the list's searches and filters match realistic fractions of
/// the caseload: a surname matches about one client in a hundred, a stage and system about one in twelve.
/// Client number n is always the same person with the same stage and consultant, so every run benchmarks the same caseload.
/// </summary>
internal sealed class BenchmarkClients(IReadOnlyList<string> consultantIds, DateTime now)
{
    private sealed record Origin(string Country, string TimeZone, ImgType Img, VisaNeed Visa, string Citizenship,
        string[] Schools, string[] First, string[] Last);

    private static readonly Origin[] Origins =
    [
        new("Pakistan", "Asia/Karachi", ImgType.NonUsImg, VisaNeed.J1, "Pakistani",
            ["King Edward Medical University", "Aga Khan University", "Dow University of Health Sciences"],
            ["Ayesha", "Bilal", "Hira", "Usman", "Zainab", "Hamza", "Sana", "Faisal"],
            ["Khan", "Qureshi", "Malik", "Siddiqui", "Chaudhry", "Butt", "Sheikh", "Javed"]),
        new("India", "Asia/Kolkata", ImgType.NonUsImg, VisaNeed.J1OrH1B, "Indian",
            ["Maulana Azad Medical College", "Christian Medical College Vellore", "Grant Medical College"],
            ["Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Neha", "Aditya"],
            ["Sharma", "Iyer", "Reddy", "Nair", "Patel", "Gupta", "Menon", "Desai"]),
        new("Nigeria", "Africa/Lagos", ImgType.NonUsImg, VisaNeed.J1, "Nigerian",
            ["University of Lagos College of Medicine", "University of Ibadan College of Medicine"],
            ["Chinedu", "Ngozi", "Tunde", "Adaeze", "Emeka", "Funmilayo", "Ifeanyi", "Kemi"],
            ["Okafor", "Adeyemi", "Eze", "Balogun", "Okonkwo", "Afolabi", "Nwosu", "Bello"]),
        new("Egypt", "Africa/Cairo", ImgType.NonUsImg, VisaNeed.H1B, "Egyptian",
            ["Cairo University Faculty of Medicine", "Ain Shams University Faculty of Medicine"],
            ["Omar", "Mariam", "Youssef", "Nour", "Ahmed", "Salma", "Karim", "Yasmin"],
            ["Hassan", "Mahmoud", "Farouk", "Saleh", "Ibrahim", "Mostafa", "Abdelrahman", "Naguib"]),
        new("Grenada", "America/New_York", ImgType.UsImg, VisaNeed.None, "US citizen",
            ["St. George's University"],
            ["Emily", "Jason", "Sofia", "Michael", "Hannah", "Tyler", "Rachel", "Brandon"],
            ["Rodriguez", "Nguyen", "Cohen", "Thompson", "Kim", "Johnson", "Rivera", "Patel"]),
        new("Dominica", "America/Chicago", ImgType.UsImg, VisaNeed.None, "US citizen",
            ["Ross University School of Medicine", "American University of the Caribbean"],
            ["Ashley", "Kevin", "Lauren", "Marcus", "Megan", "Andre", "Natalie", "Derek"],
            ["Williams", "Brown", "Davis", "Lee", "Jackson", "Harris", "Clark", "Lewis"]),
        new("Philippines", "Asia/Manila", ImgType.NonUsImg, VisaNeed.J1, "Filipino",
            ["University of Santo Tomas", "University of the Philippines Manila"],
            ["Maria", "Jose", "Angelica", "Paolo", "Kristine", "Miguel", "Patricia", "Rafael"],
            ["Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Villanueva"]),
        new("Mexico", "America/Mexico_City", ImgType.NonUsImg, VisaNeed.J1, "Mexican",
            ["Universidad Autónoma de Guadalajara", "Universidad Nacional Autónoma de México"],
            ["Valeria", "Diego", "Camila", "Alejandro", "Fernanda", "Santiago", "Ximena", "Emilio"],
            ["García", "Hernández", "López", "Martínez", "González", "Ramírez", "Torres", "Flores"]),
        new("Ireland", "America/Toronto", ImgType.CanadianImg, VisaNeed.None, "Canadian citizen",
            ["Royal College of Surgeons in Ireland", "University College Dublin School of Medicine"],
            ["Olivia", "Liam", "Fatima", "Ethan", "Chloe", "Noah", "Amira", "Lucas"],
            ["Tremblay", "MacDonald", "Ahmed", "Wilson", "Gagnon", "Roy", "Campbell", "Singh"]),
        new("Iran", "America/Vancouver", ImgType.CanadianImg, VisaNeed.None, "Canadian permanent resident",
            ["Tehran University of Medical Sciences", "Shiraz University of Medical Sciences"],
            ["Sara", "Reza", "Leila", "Ali", "Maryam", "Hossein", "Nasrin", "Amir"],
            ["Hosseini", "Karimi", "Rahimi", "Moradi", "Jafari", "Ahmadi", "Rezaei", "Mohammadi"]),
        new("Ukraine", "Europe/Kyiv", ImgType.NonUsImg, VisaNeed.H1B, "Ukrainian",
            ["Bogomolets National Medical University", "Kharkiv National Medical University"],
            ["Olena", "Andriy", "Iryna", "Dmytro", "Oksana", "Taras", "Yulia", "Serhiy"],
            ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Marchenko"]),
        new("China", "Asia/Shanghai", ImgType.NonUsImg, VisaNeed.Undecided, "Chinese",
            ["Peking University Health Science Center", "Fudan University Shanghai Medical College"],
            ["Wei", "Jing", "Hao", "Xin", "Lei", "Mei", "Jun", "Yan"],
            ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao"]),
    ];

    private static readonly string[] Specialties =
        ["Internal Medicine", "Family Medicine", "Pediatrics", "Psychiatry", "Pathology", "Neurology",
         "Internal Medicine, Family Medicine", "General Surgery", "Anesthesiology"];

    private static readonly string[] TagChoices = ["priority", "needs-usce", "scholarship", "reapplicant", "couples-match", "visa-sponsor"];
    private static readonly ClientStage[] Stages = Enum.GetValues<ClientStage>();

    public Client Create(int number)
    {
        var random = new Random(number);
        var origin = Origins[random.Next(Origins.Length)];
        var first = origin.First[random.Next(origin.First.Length)];
        var last = origin.Last[random.Next(origin.Last.Length)];
        var canadian = origin.Img == ImgType.CanadianImg;
        var system = canadian ? (random.Next(3) == 0 ? TargetSystem.Both : TargetSystem.CaRMS) : TargetSystem.ErasNrmp;
        var created = now.AddDays(-random.Next(1, 900)).AddMinutes(-random.Next(24 * 60));

        var client = Client.Open(consultantIds[random.Next(consultantIds.Count)], Stages[random.Next(Stages.Length)], created, null);
        client.FirstName = first;
        client.LastName = last;
        client.Email = $"{Ascii(first)}.{Ascii(last)}.{number}@example.org".ToLowerInvariant();
        client.Phone = $"+1 555 {random.Next(100, 999)} {random.Next(1000, 9999)}";
        client.Country = canadian ? "Canada" : origin.Img == ImgType.UsImg ? "United States" : origin.Country;
        client.TimeZoneId = origin.TimeZone;
        client.MedicalSchool = origin.Schools[random.Next(origin.Schools.Length)];
        client.MedicalSchoolCountry = origin.Country;
        client.GraduationYear = 2016 + random.Next(0, 11);
        client.ImgType = origin.Img;
        client.Citizenship = origin.Citizenship;
        client.VisaNeed = origin.Visa;
        client.Step1Result = canadian ? ExamResult.NotTaken : ExamResult.Pass;
        client.Step2CkScore = canadian ? null : 215 + random.Next(0, 50);
        client.Step2CkDate = canadian ? null : new DateOnly(2024 + random.Next(0, 3), 1 + random.Next(0, 12), 1 + random.Next(0, 28));
        client.Mccqe1Result = canadian ? ExamResult.Pass : ExamResult.NotTaken;
        client.NacOsceResult = canadian ? (ExamResult)random.Next(0, 3) : ExamResult.NotTaken;
        client.LanguageTest = origin.Country is "Egypt" or "Iran" or "Ukraine" or "Mexico" or "China" ? "OET" : null;
        client.EcfmgStatus = canadian ? EcfmgStatus.NotApplicable : (EcfmgStatus)random.Next(0, 3);
        client.TargetSystem = system;
        client.Season = system == TargetSystem.CaRMS ? $"CaRMS {2027 + random.Next(2)}" : $"ERAS {2026 + random.Next(3)}";
        client.TargetSpecialties = Specialties[random.Next(Specialties.Length)];
        client.ProgramsPlanned = system == TargetSystem.CaRMS ? 20 + random.Next(0, 30) : 80 + random.Next(0, 170);
        client.Source = (ClientSource)random.Next(0, 6);
        client.Tags = Tags.Normalise(string.Join(',', Enumerable.Range(0, random.Next(3)).Select(_ => TagChoices[random.Next(TagChoices.Length)])));
        client.UpdatedAt = created.AddDays(random.Next(0, (int)(now - created).TotalDays + 1));
        // About one in twenty has left the active caseload, as in a consultancy a few seasons old.
        if (random.Next(20) == 0) client.Archive(client.UpdatedAt);
        return client;
    }

    private static string Ascii(string name) =>
        new(name.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray());
}
