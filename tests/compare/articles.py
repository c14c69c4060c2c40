"""Short articles written for the tests: two outlets on the same event, and one article
before and after an edit."""

FLOOD_A = (
    "Heavy rain made the Severn burst its banks on Tuesday, flooding more than 400 homes in "
    "the valley. About 2,000 residents were evacuated overnight, the county council said. "
    "Emergency crews rescued 35 people from rooftops and cars.\n\n"
    "The Environment Agency warned that river levels would keep rising until Thursday. "
    "Shopkeepers on the high street fear the damage will cost them months of trade."
)
FLOOD_B = (
    "More than 400 homes in the valley were flooded on Tuesday after heavy rain made the "
    "Severn burst its banks. The county council said about 3,500 residents had been "
    "evacuated overnight.\n\n"
    "Red Cross volunteers opened three shelters in school halls. Emergency crews rescued 35 "
    "people from cars and rooftops. The Met Office said more rain was expected on Friday."
)

PROTEST_A = (
    "Police have made 80,000 arrests since the protests began in March, the interior "
    "ministry said. Demonstrators gathered again in the capital on Sunday. The government "
    "called the protesters foreign agents."
)
PROTEST_B = (
    "Demonstrators gathered again in the capital on Sunday, despite the ban. Human Rights "
    "Watch said security forces had used live ammunition against the crowds. The "
    "government described the protesters as foreign agents."
)

# A report and the outlet's later edit: a sentence added at the top, one figure
# corrected, the budget paragraph moved to the end, the mayor's quote cut.
BRIDGE_V1 = (
    "The council closed the old bridge on Monday after engineers found cracks in two "
    "supports.\n\n"
    "Repairs will cost 4 million pounds and take a year, the council said.\n\n"
    '"This bridge is a disgrace," the mayor said on Tuesday.\n\n'
    "Buses will follow a diversion through the town centre until the bridge reopens."
)
BRIDGE_V2 = (
    "Traffic queued for hours across the valley on Tuesday.\n\n"
    "The council closed the old bridge on Monday after engineers found cracks in two "
    "supports.\n\n"
    "Buses will follow a diversion through the town centre until the bridge reopens.\n\n"
    "Repairs will cost 6 million pounds and take a year, the council said."
)
