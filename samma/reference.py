"""Fixed reference data: the partners the source names, the occupations a Saraphi village has,
and approximate map positions. Plain data, no logic."""

THA_WANG_TAN = "501910"
SARAPHI = "5019"

# (code, short_th, short_en, name_th, name_en, sector, role_th, role_en)
PARTNERS = [
    ("CDD", "พช.", "CDD", "สำนักงานพัฒนาชุมชนอำเภอสารภี (กรมการพัฒนาชุมชน)",
     "Saraphi District Community Development Office (CDD)", "state",
     "งบประมาณ กระบวนการฝึกอบรม และงานแสดงสินค้า", "budget, training process, market events"),
    ("TTT", "ทิศทางไท", "Thitthang Thai", "สถาบันทิศทางไท", "Thai Direction Institute (Thitthang Thai)",
     "civil", "ชี้แนะเวที และร่วมสนับสนุนกองทุน", "advises the forum, co-offers the fund"),
    ("WP", "มวพ.", "Wiang Ping", "มหาวิชชาลัยเวียงพิงค์", "Mahawitchalai Wiang Ping (a community learning institution)",
     "academic", "ร่วมสนับสนุนกองทุน และสถานที่", "co-offers the fund, venue"),
    ("DTAC", "DTAC จิตอาสา", "DTAC volunteers", "DTAC จิตอาสา", "DTAC volunteers",
     "private", "อบรม LINE, Facebook และเว็บไซต์", "trains LINE, Facebook and a website"),
    ("TCDC", "TCDC", "TCDC", "TCDC เชียงใหม่", "TCDC Chiang Mai (Thailand Creative & Design Center)",
     "state", "พัฒนาผลิตภัณฑ์และออกแบบ", "product development and design"),
    ("SOCHO", "ศอช.อ.", "District CO council", "ศูนย์ประสานงานองค์การชุมชนอำเภอสารภี (ศอช.อ.สารภี)",
     "Saraphi District Community Organisations Council", "community",
     "ทีมสนับสนุนสัมมาชีพระดับอำเภอ งานแสดงสินค้า", "district livelihood support team, market events"),
    ("KPS", "กพส.อ.", "District women's committee", "คณะกรรมการพัฒนาสตรีอำเภอสารภี (กพส.อ.สารภี)",
     "Saraphi District Women's Development Committee", "community",
     "ทีมสนับสนุนสัมมาชีพระดับอำเภอ งานแสดงสินค้า", "district livelihood support team, market events"),
    ("CSR", "CSR สารภี", "CSR Saraphi", "CSR อำเภอสารภี", "CSR Saraphi District", "private",
     "สนับสนุนการตลาด", "marketing support"),
    ("SPRS", "สพรส.", "Citizen health association", "สมาคมพัฒนาพลเมืองเพื่อระบบสุขภาวะ (สพรส.)",
     "Association of Citizen Development for Health Systems", "civil",
     "ร่วมเวทีในตำบลท่าวังตาล", "joins the forums in Tha Wang Tan"),
]

# (code, name_th, name_en, [(product suffix, name_th, name_en, unit_th, unit_en, price baht)])
OCCUPATIONS = [
    ("longan", "แปรรูปลำไยอบแห้ง", "Dried longan", [
        ("1", "ลำไยอบแห้งสีทอง", "Golden dried longan", "ถุง", "bag", 120),
        ("2", "น้ำลำไย", "Longan juice", "ขวด", "bottle", 25)]),
    ("herbal", "ลูกประคบสมุนไพร", "Herbal compress balls", [
        ("1", "ลูกประคบสมุนไพร", "Herbal compress ball", "ลูก", "ball", 35),
        ("2", "ยาหม่องสมุนไพร", "Herbal balm", "ขวด", "jar", 40)]),
    ("bamboo", "จักสานไม้ไผ่", "Bamboo weaving", [
        ("1", "ตะกร้าไม้ไผ่", "Bamboo basket", "ใบ", "piece", 180),
        ("2", "กระติบข้าว", "Sticky-rice basket", "ใบ", "piece", 120)]),
    ("food", "อาหารพื้นเมือง", "Local food", [
        ("1", "น้ำพริกหนุ่ม", "Nam phrik num chilli dip", "กระปุก", "jar", 60),
        ("2", "แคบหมู", "Khaep mu pork crackling", "ถุง", "bag", 50),
        ("3", "ไส้อั่ว", "Sai ua sausage", "กิโลกรัม", "kg", 250)]),
    ("textile", "ผ้าฝ้ายทอมือ", "Hand-woven cotton", [
        ("1", "ผ้าฝ้ายทอมือ", "Hand-woven cotton cloth", "ผืน", "piece", 450),
        ("2", "ย่ามผ้าฝ้าย", "Cotton shoulder bag", "ใบ", "piece", 220)]),
    ("mushroom", "เพาะเห็ด", "Mushroom growing", [
        ("1", "เห็ดนางฟ้า", "Grey oyster mushrooms", "กิโลกรัม", "kg", 80),
        ("2", "ก้อนเชื้อเห็ด", "Mushroom spawn bag", "ก้อน", "bag", 10)]),
    ("compost", "ปุ๋ยหมักอินทรีย์", "Organic compost", [
        ("1", "ปุ๋ยหมักอินทรีย์", "Organic compost", "กระสอบ", "sack", 100)]),
    ("tung", "ตุงล้านนา", "Lanna flags (tung)", [
        ("1", "ตุงล้านนา", "Lanna flag", "ผืน", "piece", 150)]),
]

# Approximate centres of Saraphi's subdistricts (about 18.70 N, 99.03 E; the district covers
# about 97 km²). They place villages near where they are; they are not surveyed positions.
SARAPHI_CENTRES = {
    "501901": (18.700, 99.062), "501902": (18.690, 99.040), "501903": (18.676, 99.062),
    "501904": (18.738, 99.030), "501905": (18.664, 99.045), "501906": (18.720, 99.060),
    "501907": (18.745, 99.010), "501908": (18.650, 99.030), "501909": (18.640, 99.055),
    "501910": (18.688, 98.998), "501911": (18.710, 99.040), "501912": (18.733, 99.047),
}

# Approximate centres of the provinces (capital towns), for synthetic tiers beyond Saraphi.
PROVINCE_CENTRES = {
    "10": (13.75, 100.50), "11": (13.60, 100.60), "12": (13.86, 100.51), "13": (14.02, 100.53),
    "14": (14.35, 100.57), "15": (14.59, 100.45), "16": (14.80, 100.65), "17": (14.89, 100.40),
    "18": (15.19, 100.13), "19": (14.53, 100.91), "20": (13.36, 100.98), "21": (12.68, 101.28),
    "22": (12.61, 102.10), "23": (12.24, 102.52), "24": (13.69, 101.07), "25": (14.05, 101.37),
    "26": (14.21, 101.21), "27": (13.82, 102.07), "30": (14.97, 102.10), "31": (14.99, 103.10),
    "32": (14.88, 103.49), "33": (15.12, 104.32), "34": (15.24, 104.85), "35": (15.79, 104.15),
    "36": (15.81, 102.03), "37": (15.87, 104.63), "38": (18.36, 103.65), "39": (17.20, 102.44),
    "40": (16.43, 102.84), "41": (17.41, 102.79), "42": (17.49, 101.72), "43": (17.88, 102.74),
    "44": (16.18, 103.30), "45": (16.05, 103.65), "46": (16.43, 103.51), "47": (17.16, 104.15),
    "48": (17.41, 104.78), "49": (16.54, 104.72), "50": (18.79, 98.98), "51": (18.58, 99.01),
    "52": (18.29, 99.49), "53": (17.62, 100.10), "54": (18.14, 100.14), "55": (18.78, 100.78),
    "56": (19.17, 99.90), "57": (19.91, 99.83), "58": (19.30, 97.97), "60": (15.70, 100.14),
    "61": (15.38, 100.02), "62": (16.48, 99.52), "63": (16.88, 99.13), "64": (17.01, 99.82),
    "65": (16.82, 100.26), "66": (16.44, 100.35), "67": (16.42, 101.16), "70": (13.54, 99.82),
    "71": (14.00, 99.55), "72": (14.47, 100.12), "73": (13.82, 100.06), "74": (13.55, 100.27),
    "75": (13.41, 100.00), "76": (13.11, 99.94), "77": (11.81, 99.80), "80": (8.43, 99.96),
    "81": (8.06, 98.92), "82": (8.45, 98.53), "83": (7.88, 98.39), "84": (9.14, 99.33),
    "85": (9.96, 98.64), "86": (10.49, 99.18), "90": (7.01, 100.47), "91": (6.62, 100.07),
    "92": (7.56, 99.61), "93": (7.62, 100.08), "94": (6.87, 101.25), "95": (6.54, 101.28),
    "96": (6.43, 101.82),
}
